# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, custom_awaitable_is_awaitable
"""Returns the class it matched (asyncio.Task, asyncio.Future, ...) instead of the kind's name as a string."""

import asyncio
import inspect
import types
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return asyncio.Task
    if asyncio.isfuture(obj):
        return asyncio.Future
    if inspect.iscoroutine(obj):
        return types.CoroutineType
    if isinstance(obj, Awaitable):
        return Awaitable
    return "not awaitable"
