# fails: schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Exercise 01: the setters handed to loop.call_soon as callbacks: the loop calls each one as a plain function,
which only makes a coroutine object that nothing runs, so no future is ever set."""

import asyncio


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(set_future_value, future, value, delay)
    return future


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(_set_future_exception, future, exc, delay)
    return future
