"""kind_of asking type(obj) for __await__ with try/except, and isinstance(obj, asyncio.Future) before isfuture."""
import asyncio
import inspect


def kind_of(obj):
    if isinstance(obj, asyncio.Task):
        kind = "task"
    elif isinstance(obj, asyncio.Future) or asyncio.isfuture(obj):
        kind = "future"
    elif inspect.iscoroutine(obj):
        kind = "coroutine"
    else:
        try:
            type(obj).__await__
        except AttributeError:
            kind = "not awaitable"
        else:
            kind = "awaitable"
    return kind
