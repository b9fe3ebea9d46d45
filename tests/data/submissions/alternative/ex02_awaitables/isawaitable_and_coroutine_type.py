"""kind_of with inspect.isawaitable and types.CoroutineType."""
import asyncio
import inspect
import types


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.tasks.Task):
        return "task"
    elif asyncio.futures.isfuture(obj):
        return "future"
    elif isinstance(obj, types.CoroutineType):
        return "coroutine"
    elif inspect.isawaitable(obj):
        return "awaitable"
    else:
        return "not awaitable"
