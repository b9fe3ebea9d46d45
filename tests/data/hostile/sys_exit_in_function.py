# expect: status=ok score=4
"""sys.exit(0) inside make_request; the other functions are correct and keep their points."""
import asyncio
import sys


def make_request(value, delay=1.0):
    sys.exit(0)


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay=1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.ensure_future(_fail_later(future, exc, delay))
    return future
