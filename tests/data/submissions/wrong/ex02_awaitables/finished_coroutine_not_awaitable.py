# fails: coroutine_object_is_coroutine
"""A coroutine that has run to its end cannot be awaited again, so it is called 'not awaitable'."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine" if obj.cr_frame is not None else "not awaitable"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
