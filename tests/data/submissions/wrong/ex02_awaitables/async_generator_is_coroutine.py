# fails: other_objects_are_not_awaitable
"""Counts an async generator as a coroutine: both come from an `async def`, but only a coroutine is awaited."""

import asyncio
import types
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if isinstance(obj, (types.CoroutineType, types.AsyncGeneratorType)):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
