"""Futures first, then which kind; a coroutine is what inspect.getcoroutinestate accepts; typing.Awaitable on the
class."""

import asyncio
import inspect
import typing


def _is_native_coroutine(obj) -> bool:
    try:
        inspect.getcoroutinestate(obj)
    except AttributeError:
        return False
    return inspect.iscoroutine(obj)


def kind_of(obj) -> str:
    if asyncio.isfuture(obj):
        return "task" if isinstance(obj, asyncio.Task) else "future"
    if _is_native_coroutine(obj):
        return "coroutine"
    return "awaitable" if issubclass(type(obj), typing.Awaitable) else "not awaitable"
