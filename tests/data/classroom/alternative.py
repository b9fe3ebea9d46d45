# expect: status=ok score=10
"""Correct, written another way: the loop's own create_task, and asking forgiveness instead of permission."""
import asyncio


def make_request(value, delay=1.0):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    try:
        future.set_result(value)
    except asyncio.InvalidStateError:
        pass


async def _reject(future, exc, delay):
    await asyncio.sleep(delay)
    try:
        future.set_exception(exc)
    except asyncio.InvalidStateError:
        pass


def make_failing_request(exc, delay=1.0):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(_reject(future, exc, delay))
    return future
