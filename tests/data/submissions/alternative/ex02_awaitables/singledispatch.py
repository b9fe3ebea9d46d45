"""kind_of with functools.singledispatch: a class per answer, the rest by asking."""
import asyncio
import functools
import types
from collections.abc import Awaitable


@functools.singledispatch
def _kind(obj) -> str:
    if asyncio.isfuture(obj):
        return "future"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"


@_kind.register
def _(obj: asyncio.Task) -> str:
    return "task"


@_kind.register
def _(obj: types.CoroutineType) -> str:
    return "coroutine"


def kind_of(obj) -> str:
    return _kind(obj)
