# fails: custom_awaitable_is_awaitable
"""Memoises kind_of in a dict keyed by id(obj), what a student may do once a cache keyed by the object raised
TypeError for a list: an object whose class has changed since it was first asked about gets its old answer (and an
object that gets a dead one's id, the dead one's)."""

import asyncio
import inspect
from collections.abc import Awaitable

_seen: dict[int, str] = {}


def kind_of(obj) -> str:
    key = id(obj)
    if key in _seen:
        return _seen[key]
    if isinstance(obj, asyncio.Task):
        kind = "task"
    elif asyncio.isfuture(obj):
        kind = "future"
    elif inspect.iscoroutine(obj):
        kind = "coroutine"
    elif isinstance(obj, Awaitable):
        kind = "awaitable"
    else:
        kind = "not awaitable"
    _seen[key] = kind
    return kind
