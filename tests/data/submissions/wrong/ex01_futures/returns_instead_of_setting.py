# fails: schedules_a_task, future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, set_future_value_ignores_done_future, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""set_future_value returns the value instead of setting it on the future: the future is never set."""

import asyncio

# The loop keeps only weak references to tasks: hold on to ours until they finish.
_pending: set[asyncio.Task] = set()


def _in_background(coro) -> None:
    task = asyncio.create_task(coro)
    _pending.add(task)
    task.add_done_callback(_pending.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    return value


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    return exc


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(_set_future_exception(future, exc, delay))
    return future
