# fails: failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""make_failing_request hands create_task the coroutine function and its arguments apart, as call_soon takes them."""
import asyncio
from asyncio import Future


def make_request(value, delay: float = 1.0) -> Future:
    future = Future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def set_future_exception(future, exc, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> Future:
    future = Future()
    asyncio.create_task(set_future_exception, future, exc, delay)
    return future
