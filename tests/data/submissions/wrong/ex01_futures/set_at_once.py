# fails: returns_pending_future, schedules_a_task, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, failing_request_waits_and_tolerates_cancel
"""Sets the value straight away: no task, no waiting."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    future.set_result(value)
    return future


async def set_future_value(future, value, delay):
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    future.set_exception(exc)
    return future
