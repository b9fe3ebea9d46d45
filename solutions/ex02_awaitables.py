"""Exercise 02: tasks, coroutines, futures and awaitables (reference solution)."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    # A task is a future too, so the task question must come first.
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    # Awaitable's subclass hook looks for __await__ on the class, which is what `await` itself uses.
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
