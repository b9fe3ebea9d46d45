# fails: custom_awaitable_is_awaitable
"""Rules out anything callable first, taking "an async def function itself is not awaitable" too far: an
awaitable object that can also be called is then 'not awaitable'."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if callable(obj):
        return "not awaitable"
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
