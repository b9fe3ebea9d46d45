"""Exercise 01: the wait is a future of its own that loop.call_later completes; InvalidStateError caught; tasks kept in a list."""

import asyncio

_tasks = []


async def _wait(delay: float) -> None:
    loop = asyncio.get_running_loop()
    timer = loop.create_future()
    handle = loop.call_later(delay, timer.set_result, None)
    try:
        await timer
    finally:
        handle.cancel()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    _tasks.append(loop.create_task(set_future_value(future, value, delay)))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await _wait(delay)
    try:
        future.set_result(value)
    except asyncio.InvalidStateError:
        pass


async def _set_error(future, exc, delay):
    await _wait(delay)
    try:
        future.set_exception(exc)
    except asyncio.InvalidStateError:
        pass


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    _tasks.append(loop.create_task(_set_error(future, exc, delay)))
    return future
