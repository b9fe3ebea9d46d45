# fails: set_future_value_ignores_done_future
"""Raises CancelledError itself when it finds the future cancelled, "to pass the cancel on": the task ends
cancelled, where it should end quietly."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if future.cancelled():
        raise asyncio.CancelledError()  # pass the cancel on
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if future.cancelled():
        raise asyncio.CancelledError()
    future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
