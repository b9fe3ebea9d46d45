# fails: future_resolves_to_value
"""Reuses make_request for the failing request: set_future_value fails the future whenever the value is an exception."""

import asyncio

_tasks = set()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(set_future_value(future, value, delay))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if future.done():
        return
    if isinstance(value, BaseException):
        future.set_exception(value)
    else:
        future.set_result(value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    return make_request(exc, delay)
