# fails: future_resolves_to_value, failing_request_raises_same_exception
"""Takes `delay=None` and sleeps only `if delay:`, so a call without delay sets the future at once instead of after
the lesson's one second."""
import asyncio


def make_request(value, delay: float | None = None) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay) -> None:
    if delay:
        await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    if delay:
        await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float | None = None) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail(future, exc, delay))
    return future
