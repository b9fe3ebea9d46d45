# requires: python>=3.11
"""Exercise 01: waits with asyncio.timeout around an event nobody sets; shared setter with a flag."""

import asyncio


async def _wait(delay):
    try:
        async with asyncio.timeout(delay):
            await asyncio.Event().wait()
    except TimeoutError:
        pass


async def _complete(future, delay, value=None, exc=None):
    await _wait(delay)
    if future.done():
        return None
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(value)


def make_request(value, delay=1.0):
    loop = asyncio.get_running_loop()
    fut = asyncio.Future(loop=loop)
    loop.create_task(set_future_value(fut, value, delay))
    return fut


async def set_future_value(future, value, delay):
    await _complete(future, delay, value=value)


def make_failing_request(exc, delay=1.0):
    loop = asyncio.get_running_loop()
    fut = asyncio.Future(loop=loop)
    loop.create_task(_complete(fut, delay, exc=exc))
    return fut
