# fails: requests_overlap
"""make_request's task sleeps `delay`, then awaits set_future_value, which sleeps it again: the value comes after twice the delay."""
import asyncio


async def _request(future, value, delay):
    await asyncio.sleep(delay)  # the "network" takes delay seconds...
    await set_future_value(future, value, delay)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_request(future, value, delay))
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
