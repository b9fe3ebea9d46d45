# fails: task_is_task, future_is_future
"""Sets the answer in one `if` after another, not `elif`: a task is a future too, and awaitable, so a later question's
yes overwrites the earlier one's."""

import asyncio
import inspect
from collections.abc import Awaitable


def kind_of(obj) -> str:
    answer = "not awaitable"
    if isinstance(obj, asyncio.Task):
        answer = "task"
    if asyncio.isfuture(obj):
        answer = "future"
    if inspect.iscoroutine(obj):
        answer = "coroutine"
    elif isinstance(obj, Awaitable):
        answer = "awaitable"
    return answer
