"""Right, written another way: issubclass of the type, types.CoroutineType, and __await__ looked up in the
class and its bases by hand."""

import asyncio
import types


def _class_defines(obj, name):
    return any(name in vars(cls) for cls in type(obj).__mro__)


def kind_of(obj) -> str:
    if issubclass(type(obj), asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if type(obj) is types.CoroutineType:
        return "coroutine"
    if _class_defines(obj, "__await__"):
        return "awaitable"
    return "not awaitable"
