# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, async_def_function_is_not_awaitable, custom_awaitable_is_awaitable, other_objects_are_not_awaitable
"""A correct classifier under another name than the stub's: the checks cannot find it."""

import asyncio
import inspect


def kind(obj) -> str:
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    if hasattr(type(obj), "__await__"):
        return "awaitable"
    return "not awaitable"
