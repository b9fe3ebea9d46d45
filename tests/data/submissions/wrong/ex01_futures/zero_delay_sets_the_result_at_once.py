# fails: returns_pending_future, failing_request_waits_and_tolerates_cancel
"""WRONG: a delay of 0 (or less) is 'no wait', so the future is set at once and returned already done,
with no task."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    if delay <= 0:
        future.set_result(value)
        return future
    loop.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    if delay <= 0:
        future.set_exception(exc)
        return future
    loop.create_task(_fail(future, exc, delay))
    return future
