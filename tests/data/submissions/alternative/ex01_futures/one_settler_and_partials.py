"""Right, written another way: one coroutine settles a future with a setter handed to it as a partial;
get_event_loop() inside the running loop, and loop.create_task."""

import asyncio
from functools import partial


async def _settle(future, setter, delay):
    await asyncio.sleep(delay)
    if future.cancelled() or future.done():
        return
    setter()


def _request(delay, make_setter):
    loop = asyncio.get_event_loop()
    future = loop.create_future()
    coro = make_setter(future)
    loop.create_task(coro)
    return future


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    return _request(delay, lambda f: set_future_value(f, value, delay))


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await _settle(future, partial(future.set_result, value), delay)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    return _request(delay, lambda f: _settle(f, partial(f.set_exception, exc), delay))
