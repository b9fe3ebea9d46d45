"""Exercise 02 written another way: structural pattern matching on the object's type."""

import asyncio
import types
from collections.abc import Awaitable


def kind_of(obj) -> str:
    match obj:
        case asyncio.Task():
            return "task"
        case _ if asyncio.isfuture(obj):  # a class pattern would miss future-likes that are no asyncio.Future
            return "future"
        case types.CoroutineType():
            return "coroutine"
        case Awaitable():
            return "awaitable"
        case _:
            return "not awaitable"
