# fails: custom_awaitable_is_awaitable, other_objects_are_not_awaitable (python<3.12)
"""asyncio.iscoroutine says yes to anything implementing the Coroutine ABC (and to generators up to 3.11)."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if asyncio.iscoroutine(obj):
        return "coroutine"
    if inspect.isawaitable(obj):
        return "awaitable"
    return "not awaitable"
