# fails: task_is_task, future_is_future, coroutine_object_is_coroutine, async_def_function_is_not_awaitable, custom_awaitable_is_awaitable, other_objects_are_not_awaitable
"""Prints the kind instead of returning it: the right answer on the screen, None for the caller."""

import asyncio
import inspect


def kind_of(obj) -> str:
    if isinstance(obj, asyncio.Task):
        print("task")
    elif asyncio.isfuture(obj):
        print("future")
    elif inspect.iscoroutine(obj):
        print("coroutine")
    elif hasattr(type(obj), "__await__"):
        print("awaitable")
    else:
        print("not awaitable")
