# fails: failing_request_waits_and_tolerates_cancel
"""The failing request's task sleeps `delay`, then calls a helper that sleeps it again: the exception comes after twice the delay."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _set_exception(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    await _set_exception(future, exc, delay)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
