# fails: async_def_function_is_not_awaitable, other_objects_are_not_awaitable
"""Ends with an explicit `return None` for whatever the questions did not match, where "not awaitable" is the answer."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return None
