# fails: sets_result_after_delay
"""set_future_value waits with time.sleep; make_request gets away with it only by using its own helper."""
import asyncio
import time


async def _set_later(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_set_later(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    time.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail_later(future, exc, delay))
    return future
