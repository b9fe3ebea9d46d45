# fails: set_future_value_ignores_done_future, failing_request_waits_and_tolerates_cancel
"""Sets the result even when the future was cancelled meanwhile."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail_later(future, exc, delay))
    return future
