# fails: sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap
"""set_future_value sleeps int(delay) seconds, "a whole number of seconds is enough": 0 for a delay of 0.05, so the
result comes at once."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(int(delay))
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail_later(future, exc, delay))
    return future
