# fails: coroutine_object_is_coroutine
"""Asks inspect.isawaitable before inspect.iscoroutine: a coroutine is awaitable too, so it is never a 'coroutine'."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.isawaitable(obj):
        return "awaitable"
    if inspect.iscoroutine(obj):
        return "coroutine"
    return "not awaitable"
