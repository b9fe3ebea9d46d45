# fails: future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap
"""Copies the lesson's example too literally: the future always resolves to 42."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(42)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(_fail_later(future, exc, delay))
    return future
