# fails: set_future_value_ignores_done_future
"""Exercise 01: set_future_value waits on the future itself, shielded, for `delay` seconds and sets it on the
timeout: the right value at the right time, but a future cancelled meanwhile raises CancelledError in the task."""

import asyncio

_pending: set[asyncio.Task] = set()


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    try:
        await asyncio.wait_for(asyncio.shield(future), timeout=delay)
    except asyncio.TimeoutError:
        future.set_result(value)


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def _in_background(coro) -> None:
    task = asyncio.create_task(coro)
    _pending.add(task)
    task.add_done_callback(_pending.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(set_future_value(future, value, delay))
    return future


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(_set_future_exception(future, exc, delay))
    return future
