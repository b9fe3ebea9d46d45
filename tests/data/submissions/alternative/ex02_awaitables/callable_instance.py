"""kind_of is an instance of a class with __call__, each question a method."""

import asyncio
import inspect
from collections import abc


class _Namer:
    def is_task(self, obj):
        return isinstance(obj, asyncio.Task)

    def is_future(self, obj):
        return asyncio.isfuture(obj)

    def is_coroutine(self, obj):
        return inspect.iscoroutine(obj)

    def is_awaitable(self, obj):
        return issubclass(type(obj), abc.Awaitable)

    def __call__(self, obj) -> str:
        for name in ("task", "future", "coroutine", "awaitable"):
            if getattr(self, "is_" + name)(obj):
                return name
        return "not awaitable"


kind_of = _Namer()
