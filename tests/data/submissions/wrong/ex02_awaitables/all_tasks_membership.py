# fails: task_is_task, other_objects_are_not_awaitable
"""A task is what asyncio.all_tasks() holds: a finished or cancelled task is no longer in it."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if obj in asyncio.all_tasks():
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
