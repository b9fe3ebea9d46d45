# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, async_def_function_is_not_awaitable, custom_awaitable_is_awaitable, other_objects_are_not_awaitable
"""kind_of written as an `async def`, since it is about coroutines: calling it only makes a coroutine object."""

import asyncio
import inspect
from collections.abc import Awaitable


async def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
