"""make_request calls sys.exit(); set_future_value is right, so its own checks must still pass."""
import asyncio
import sys


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    sys.exit(1)


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
