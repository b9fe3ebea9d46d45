# fails: other_objects_are_not_awaitable
"""Memoises kind_of with functools.lru_cache "for speed": a list, which cannot be a cache key, raises TypeError."""
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
