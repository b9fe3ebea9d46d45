# fails: custom_awaitable_is_awaitable
"""isinstance(obj, collections.abc.Coroutine) for 'coroutine': an object with the coroutine methods passes too."""

import asyncio
from collections.abc import Awaitable, Coroutine


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if isinstance(obj, Coroutine):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
