# fails: other_objects_are_not_awaitable, custom_awaitable_is_awaitable
"""Memoises kind_of with functools.lru_cache "for speed": a list, which cannot be a cache key, raises TypeError, and an
object whose class has changed since it was first asked about gets its old answer."""
import asyncio
import collections.abc
import functools
import inspect


@functools.lru_cache(maxsize=None)
def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, collections.abc.Awaitable):
        return "awaitable"
    return "not awaitable"
