# fails: set_future_value_ignores_done_future
"""Asks whether the future is done before sleeping, not after: a future cancelled meanwhile makes set_result raise."""

import asyncio

_tasks = set()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(set_future_value(future, value, delay))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return future


async def set_future_value(future, value, delay: float) -> None:
    if future.done():
        return
    await asyncio.sleep(delay)
    future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(_fail(future, exc, delay))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return future
