# fails: coroutine_object_is_coroutine
"""Closes every coroutine it is shown, to silence 'coroutine ... was never awaited'."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        obj.close()  # we only wanted to look at it: no "never awaited" warning
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
