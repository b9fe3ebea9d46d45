# fails: failing_request_waits_and_tolerates_cancel
"""make_failing_request's task asks future.done() before its sleep only: a cancel that comes while it sleeps is
missed, and set_exception on the cancelled future raises InvalidStateError in the task."""

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
    if future.done():
        return
    await asyncio.sleep(delay)
    future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
