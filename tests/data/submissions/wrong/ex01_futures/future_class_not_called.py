# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""`future = asyncio.Future`, the lesson's Future() without its parentheses: the class, not a future."""
import asyncio


def make_request(value, delay: float = 1.0):
    future = asyncio.Future
    asyncio.create_task(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc, delay: float = 1.0):
    future = asyncio.Future
    asyncio.create_task(_fail(future, exc, delay))
    return future
