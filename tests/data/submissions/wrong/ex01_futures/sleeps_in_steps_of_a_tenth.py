# fails: sets_result_after_delay, failing_request_waits_and_tolerates_cancel
"""set_future_value sleeps in steps of 0.1 s until `delay` is covered: a delay of 0.05 waits 0.1 s, twice as long; a
delay that is a multiple of 0.1 (0.2) waits just that, so timing it with such a delay shows nothing. The failing
request waits through the same helper."""
import asyncio
def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future
async def set_future_value(future, value, delay: float) -> None:
    waited = 0.0
    while waited < delay:
        await asyncio.sleep(0.1)
        waited += 0.1
    if not future.done():
        future.set_result(value)
async def _fail(future, exc, delay):
    await set_future_value(asyncio.get_running_loop().create_future(), None, delay)
    if not future.done():
        future.set_exception(exc)
def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
