# fails: schedules_a_task, future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Waits with asyncio.wait_for(future, timeout=delay) instead of sleeping: when the time is up, wait_for cancels the
future it waited on, so the future ends cancelled, not set."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    try:
        await asyncio.wait_for(future, timeout=delay)  # ends early if someone else finishes the future
    except (asyncio.TimeoutError, asyncio.CancelledError):
        pass
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    try:
        await asyncio.wait_for(future, timeout=delay)
    except (asyncio.TimeoutError, asyncio.CancelledError):
        pass
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
