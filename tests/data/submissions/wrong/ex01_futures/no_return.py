# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Forgets `return future`: both calls schedule the right task, and return None."""
import asyncio


def make_request(value, delay: float = 1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0):
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
