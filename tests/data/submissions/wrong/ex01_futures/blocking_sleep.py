# fails: sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, failing_request_waits_and_tolerates_cancel
"""Waits with time.sleep, which blocks the whole event loop."""
import asyncio
import time


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    time.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    time.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail_later(future, exc, delay))
    return future
