# fails: schedules_a_task, future_resolves_to_value, sets_result_after_delay, loop_keeps_running_while_waiting, requests_overlap, set_future_value_ignores_done_future, failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Tests `future.done` without calling it: a method is always true, so the future is never set."""

import asyncio

_tasks = set()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(set_future_value(future, value, delay))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if future.done:
        return
    future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if future.done:
        return
    future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(_fail_later(future, exc, delay))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return future
