"""Exercise 01: sleeps in short steps until time.monotonic passes the deadline; match on the outcome."""

import asyncio
import time


async def _nap(delay: float) -> None:
    deadline = time.monotonic() + delay
    while (left := deadline - time.monotonic()) > 0:
        await asyncio.sleep(min(left, 0.01))


async def _settle(future, outcome, delay):
    await _nap(delay)
    if future.done():
        return
    match outcome:
        case ("error", exc):
            future.set_exception(exc)
        case ("value", value):
            future.set_result(value)


def make_request(value, delay: float = 1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await _settle(future, ("value", value), delay)


def make_failing_request(exc, delay: float = 1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(_settle(future, ("error", exc), delay))
    return future
