# fails: async_def_function_is_not_awaitable, other_objects_are_not_awaitable
"""An elif chain that names the "not awaitable" cases it thought of (None, numbers, strings) and no `else`: any other
object falls off the end, and kind_of returns None."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    elif asyncio.isfuture(obj):
        return "future"
    elif inspect.iscoroutine(obj):
        return "coroutine"
    elif isinstance(obj, Awaitable):
        return "awaitable"
    elif obj is None or isinstance(obj, (int, float, str)):
        return "not awaitable"
