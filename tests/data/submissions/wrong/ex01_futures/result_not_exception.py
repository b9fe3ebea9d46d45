# fails: failing_request_raises_same_exception
"""Hands the exception back as the future's result instead of failing the future with it."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    return make_request(exc, delay)
