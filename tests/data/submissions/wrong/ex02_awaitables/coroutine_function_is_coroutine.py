# fails: async_def_function_is_not_awaitable
"""Calls an async def function a coroutine: confuses inspect.iscoroutinefunction with inspect.iscoroutine."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj) or inspect.iscoroutinefunction(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
