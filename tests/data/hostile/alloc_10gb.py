# expect: status=ok score=4
"""Allocating 10 GB inside make_request: the memory limit turns it into a MemoryError."""
import asyncio


def make_request(value, delay=1.0):
    buffer = bytearray(10 * 1024**3)
    future = asyncio.get_running_loop().create_future()
    future.set_result(len(buffer))
    return future


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
