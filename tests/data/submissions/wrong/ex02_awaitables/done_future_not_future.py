# fails: future_is_future
"""Takes the lesson's "a future is a value that is not there yet" for a test: once its result is set, a future is no
longer called a 'future' (and falls through to 'awaitable')."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj) and not obj.done():
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
