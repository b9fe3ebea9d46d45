# fails: schedules_a_task, sets_result_after_delay
"""The task sleeps most of the delay, then leaves the setting to a timer and ends: the value arrives, but no task sets it."""

import asyncio

# The loop keeps only weak references to tasks: hold on to ours until they finish.
_running: set[asyncio.Task] = set()


def _in_background(coro) -> None:
    task = asyncio.create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)


def _set(future: asyncio.Future, value) -> None:
    if not future.done():
        future.set_result(value)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay * 0.9)
    asyncio.get_running_loop().call_later(delay * 0.1, _set, future, value)


async def _fail_later(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(_fail_later(future, exc, delay))
    return future
