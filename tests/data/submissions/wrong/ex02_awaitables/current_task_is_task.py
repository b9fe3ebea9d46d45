# fails: task_is_task
"""Asks asyncio.current_task() whether the object is a task: that is only the task running now, the caller's, so
every other task falls through to 'future'."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if obj is asyncio.current_task():
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
