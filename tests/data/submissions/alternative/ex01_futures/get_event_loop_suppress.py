"""Exercise 01: get_event_loop inside a running loop, loop.create_task, suppress(InvalidStateError)."""

import asyncio
import contextlib


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_event_loop()
    future = loop.create_future()
    loop.create_task(set_future_value(future, value, delay), name=f"request {value!r}")
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    with contextlib.suppress(asyncio.InvalidStateError):
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    with contextlib.suppress(asyncio.InvalidStateError):
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_event_loop()
    future = loop.create_future()
    loop.create_task(_fail_later(future, exc, delay))
    return future
