# fails: other_objects_are_not_awaitable
"""Takes a plain generator for an old-style coroutine."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj) or inspect.isgenerator(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
