# fails: requests_overlap
"""make_request 'sends the request' with time.sleep(delay / 2) before a task sleeps the other half: requests made together no longer overlap."""
import asyncio
import time


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    time.sleep(delay / 2)
    asyncio.create_task(set_future_value(future, value, delay / 2))
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
    time.sleep(delay / 2)
    asyncio.create_task(_fail(future, exc, delay / 2))
    return future
