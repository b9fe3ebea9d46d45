# fails: task_is_task, future_is_future, other_objects_are_not_awaitable
"""Exact type and attribute tests: misses a Task subclass, a future-like object and where __await__ must live."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if type(obj) is asyncio.Task:
        return "task"
    if isinstance(obj, asyncio.Future) and not isinstance(obj, asyncio.Task):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if hasattr(obj, "__await__"):
        return "awaitable"
    return "not awaitable"
