# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""make_request and make_failing_request written as async def: calling them gives a coroutine, not a future."""

import asyncio


async def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


async def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
