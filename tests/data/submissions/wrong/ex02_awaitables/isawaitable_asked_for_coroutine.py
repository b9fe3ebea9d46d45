# fails: custom_awaitable_is_awaitable
"""inspect.isawaitable(obj) as the coroutine question: it says yes to every awaitable, and "awaitable" is never given."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.isawaitable(obj):
        return "coroutine"
    return "not awaitable"
