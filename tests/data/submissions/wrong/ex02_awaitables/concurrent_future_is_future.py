# fails: future_is_future, other_objects_are_not_awaitable
"""Counts a thread pool's concurrent.futures.Future as a future, though await refuses it."""

import asyncio
import concurrent.futures
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if isinstance(obj, (asyncio.Future, concurrent.futures.Future)):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
