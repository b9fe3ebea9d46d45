# fails: custom_awaitable_is_awaitable, other_objects_are_not_awaitable (python<3.12)
"""Asks asyncio itself: whatever ensure_future accepts is awaitable (which schedules it as a task)."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    try:
        asyncio.ensure_future(obj)
    except (TypeError, ValueError):
        return "not awaitable"
    return "awaitable"
