# fails: schedules_a_task, failing_request_waits_and_tolerates_cancel
"""Sets the future from loop.call_later, a callback, instead of from a task running set_future_value."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(delay, future.set_result, value)
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(delay, future.set_exception, exc)
    return future
