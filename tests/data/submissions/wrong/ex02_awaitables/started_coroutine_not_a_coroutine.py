# fails: coroutine_object_is_coroutine
"""Wrong: a coroutine that has started (suspended in an await) is 'in use', so not a 'coroutine'."""
import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "not awaitable" if inspect.getcoroutinestate(obj) == inspect.CORO_SUSPENDED else "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
