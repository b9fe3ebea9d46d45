# fails: task_is_task, future_is_future, coroutine_object_is_coroutine
"""Asks the broadest question, Awaitable, first: tasks, futures and coroutines are all awaitable, so each comes out
'awaitable'."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, Awaitable):
        return "awaitable"
    elif isinstance(obj, asyncio.Task):
        return "task"
    elif asyncio.isfuture(obj):
        return "future"
    elif inspect.iscoroutine(obj):
        return "coroutine"
    return "not awaitable"
