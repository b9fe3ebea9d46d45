# fails: sets_result_after_delay, requests_overlap
"""set_future_value sleeps `delay` twice, once "for the request" and once "for the reply": every value comes after twice the delay."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
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
