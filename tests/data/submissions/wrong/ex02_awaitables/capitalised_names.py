# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, custom_awaitable_is_awaitable
"""Returns the class names the way Python spells them ("Task", "Future", ...) instead of the five kinds."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "Task"
    if asyncio.isfuture(obj):
        return "Future"
    if inspect.iscoroutine(obj):
        return "Coroutine"
    if isinstance(obj, Awaitable):
        return "Awaitable"
    return "not awaitable"
