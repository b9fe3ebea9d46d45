# fails: task_is_task, future_is_future, coroutine_object_is_coroutine
"""Only asks whether the object is awaitable: tasks, futures and coroutines all come out as "awaitable"."""

from collections.abc import Awaitable


def kind_of(obj) -> str:
    if isinstance(obj, Awaitable):
        return "awaitable"
    return "not awaitable"
