# fails: schedules_a_task, failing_request_waits_and_tolerates_cancel
"""WRONG: returns asyncio.shield(future), 'to protect the request': the caller gets another future than the
one set_future_value sets, and cancelling it does not reach the request."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(set_future_value(future, value, delay))
    return asyncio.shield(future)


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
    loop.create_task(_fail(future, exc, delay))
    return asyncio.shield(future)
