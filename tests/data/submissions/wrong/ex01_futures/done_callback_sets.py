# fails: schedules_a_task, failing_request_waits_and_tolerates_cancel
"""A sleeping task's done callback sets the future: a plain callback, not a task running set_future_value."""
import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    sleeper = asyncio.ensure_future(asyncio.sleep(delay, value))
    sleeper.add_done_callback(lambda t: future.done() or future.set_result(t.result()))
    return future


async def set_future_value(future, value, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    sleeper = asyncio.ensure_future(asyncio.sleep(delay))
    sleeper.add_done_callback(lambda t: future.done() or future.set_exception(exc))
    return future
