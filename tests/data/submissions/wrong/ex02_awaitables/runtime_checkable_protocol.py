# fails: other_objects_are_not_awaitable
"""A runtime_checkable Protocol with __await__: its isinstance looks at the instance too, so an __await__
set on the object passes."""

import asyncio
import inspect
from typing import Protocol, runtime_checkable


@runtime_checkable
class SupportsAwait(Protocol):
    def __await__(self): ...


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, SupportsAwait):
        return "awaitable"
    return "not awaitable"
