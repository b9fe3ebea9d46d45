# fails: schedules_a_task
"""A request like one still pending gets that one's future back: no task of its own, and a cancel cancels both callers' request."""
import asyncio

_pending = {}


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    key = (id(value), delay)
    future = _pending.get(key)
    if future is not None and not future.done() and future.get_loop() is asyncio.get_running_loop():
        return future
    future = asyncio.get_running_loop().create_future()
    _pending[key] = future
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


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
