# fails: schedules_a_task, future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, set_future_value_ignores_done_future
"""`from util import delay` as the lesson does, then `await delay(delay)` in set_future_value: the parameter `delay`, a
float, hides the helper."""
import asyncio
from asyncio import Future

from util import delay


def make_request(value, delay: float = 1.0) -> Future:
    future = Future()
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await delay(delay)
    if not future.done():
        future.set_result(value)


async def set_future_exception(future, exc, seconds: float) -> None:
    await delay(seconds)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> Future:
    future = Future()
    asyncio.create_task(set_future_exception(future, exc, delay))
    return future
