# fails: custom_awaitable_is_awaitable
"""Looks for __await__ in the class's own __dict__, so an awaitable whose __await__ is inherited is missed."""
import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    # hasattr(obj, "__await__") is fooled by an instance attribute: look at the class itself.
    if "__await__" in vars(type(obj)):
        return "awaitable"
    return "not awaitable"
