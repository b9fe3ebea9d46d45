# expect: status=ok score=8
"""Wrong: sets results and exceptions without asking whether the future is already done."""
import asyncio


def make_request(value, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    future.set_exception(exc)


def make_failing_request(exc, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(_fail_later(future, exc, delay))
    return future
