# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, async_def_function_is_not_awaitable, custom_awaitable_is_awaitable, other_objects_are_not_awaitable
"""kind_of renamed (kind_off): the checks cannot find the function they call."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_off(obj) -> str:
    # A task is a future too, so the task question must come first.
    if isinstance(obj, asyncio.Task):
        return "task"
    if asyncio.isfuture(obj):
        return "future"
    if inspect.iscoroutine(obj):
        return "coroutine"
    # Awaitable's subclass hook looks for __await__ on the class, which is what `await` itself uses.
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
