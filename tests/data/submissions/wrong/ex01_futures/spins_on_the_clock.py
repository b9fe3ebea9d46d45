# fails: sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, failing_request_waits_and_tolerates_cancel
"""WRONG: waits by spinning on time.monotonic() instead of awaiting asyncio.sleep: blocks the loop."""
import asyncio
import time


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    end = time.monotonic() + delay
    while time.monotonic() < end:
        pass
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    end = time.monotonic() + delay
    while time.monotonic() < end:
        pass
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.create_task(_fail(future, exc, delay))
    return future
