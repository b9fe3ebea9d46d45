# fails: schedules_a_task
"""set_future_value is right, but make_request schedules a coroutine of its own instead, which asks future.done()
before its sleep only: a request its caller cancels meanwhile makes that task raise InvalidStateError."""

import asyncio


async def _reply_later(future, value, delay):
    if future.done():  # nobody waits any more
        return
    await asyncio.sleep(delay)
    future.set_result(value)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_reply_later(future, value, delay))
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
    asyncio.create_task(_fail(future, exc, delay))
    return future
