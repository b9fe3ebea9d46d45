"""Exercise 01 written another way: asyncio.Future() directly, one shared setter, ensure_future."""
import asyncio
from asyncio import Future


async def _settle(future: Future, delay: float, **outcome) -> None:
    await asyncio.sleep(delay)
    if future.cancelled() or future.done():
        return
    if "error" in outcome:
        future.set_exception(outcome["error"])
    else:
        future.set_result(outcome["value"])


def make_request(value, delay: float = 1.0) -> Future:
    future = Future()  # the running loop's, since one is running
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future: Future, value, delay: float) -> None:
    await _settle(future, delay, value=value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> Future:
    future = Future()
    asyncio.ensure_future(_settle(future, delay, error=exc))
    return future
