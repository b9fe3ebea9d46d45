"""Exercise 02: one conditional expression; callable(getattr(type(obj), "__await__", None)) for the class question."""

import asyncio
import inspect


def kind_of(obj) -> str:
    return (
        "task"
        if isinstance(obj, asyncio.Task)
        else "future"
        if asyncio.isfuture(obj)
        else "coroutine"
        if inspect.iscoroutine(obj)
        else "awaitable"
        if callable(getattr(type(obj), "__await__", None))
        else "not awaitable"
    )
