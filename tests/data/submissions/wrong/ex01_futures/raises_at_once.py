# fails: failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""make_failing_request raises its exception at once instead of returning a future that a task fails later."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    # the request fails: raise its exception
    raise exc
