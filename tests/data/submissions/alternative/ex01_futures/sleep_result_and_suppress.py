"""Right, written another way: asyncio.Future() made in the running loop, asyncio.ensure_future, the value
passed through asyncio.sleep(delay, result=value), and InvalidStateError suppressed instead of asking done()."""

import asyncio
import contextlib

_background = []


def _start(coro):
    task = asyncio.ensure_future(coro)
    _background.append(task)
    task.add_done_callback(_background.remove)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.Future()
    _start(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    result = await asyncio.sleep(delay, result=value)
    with contextlib.suppress(asyncio.InvalidStateError):
        future.set_result(result)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    with contextlib.suppress(asyncio.InvalidStateError):
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.Future()
    _start(_fail(future, exc, delay))
    return future
