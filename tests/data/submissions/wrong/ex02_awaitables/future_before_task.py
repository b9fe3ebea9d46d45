# fails: task_is_task
"""Asks isfuture first: every task is a future too, so tasks come out as "future"."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if asyncio.isfuture(obj):
        return "future"
    if isinstance(obj, asyncio.Task):
        return "task"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if hasattr(type(obj), "__await__"):
        return "awaitable"
    return "not awaitable"
