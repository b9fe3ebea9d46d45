# fails: sets_result_after_delay, failing_request_waits_and_tolerates_cancel
"""Sleeps round(delay, 1) seconds, "a tenth of a second is precise enough": 0.1 s for a delay of 0.05, twice as long;
a delay that is a multiple of 0.1 (0.2) is slept exactly, so timing it with such a delay shows nothing."""
import asyncio
def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future
async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(round(delay, 1))
    if not future.done():
        future.set_result(value)
async def _fail(future, exc, delay):
    await asyncio.sleep(round(delay, 1))
    if not future.done():
        future.set_exception(exc)
def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
