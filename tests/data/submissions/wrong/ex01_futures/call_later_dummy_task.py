# fails: schedules_a_task, failing_request_waits_and_tolerates_cancel
"""A timer sets the future; the task scheduled beside it only sleeps, and a cancelled future makes the timer raise."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(delay, future.set_result, value)
    asyncio.create_task(asyncio.sleep(delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(delay, future.set_exception, exc)
    asyncio.create_task(asyncio.sleep(delay))
    return future
