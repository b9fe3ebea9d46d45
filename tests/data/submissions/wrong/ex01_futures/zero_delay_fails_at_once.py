# fails: failing_request_waits_and_tolerates_cancel
"""make_failing_request with a delay of 0 sets the exception at once and returns a future already done, where
make_request(value, 0) is right."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
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
    future = asyncio.get_running_loop().create_future()
    if delay <= 0:  # nothing to wait for
        future.set_exception(exc)
        return future
    asyncio.create_task(_fail(future, exc, delay))
    return future
