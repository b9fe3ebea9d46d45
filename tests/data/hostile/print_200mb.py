# expect: status=crashed score=4
"""Printing 200 MB inside make_request: the output limit stops the check."""
import asyncio
import sys

LINE = "spam " * 200_000 + "\n"


def make_request(value, delay=1.0):
    for _ in range(200):
        sys.stdout.write(LINE)
    sys.stdout.flush()
    return asyncio.get_running_loop().create_future()


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
