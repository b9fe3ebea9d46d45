"""Exercise 02: "__await__" in dir(type(obj)) for the class question; one answer variable, returned at the end."""

import asyncio
import inspect


def kind_of(obj) -> str:
    answer = "not awaitable"
    if isinstance(obj, asyncio.Task):
        answer = "task"
    elif asyncio.isfuture(obj):
        answer = "future"
    elif inspect.iscoroutine(obj):
        answer = "coroutine"
    elif "__await__" in dir(type(obj)):
        answer = "awaitable"
    return answer
