# fails: returns_pending_future, schedules_a_task, future_resolves_to_value, loop_keeps_running_while_waiting, requests_overlap
"""Runs the setter with loop.run_until_complete inside make_request, as the advice for a coroutine made in a plain
def would have it where no loop runs: here one is running (a coroutine called make_request), so it raises "This
event loop is already running". The fix is a task, not `await`, which a plain def cannot hold."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.run_until_complete(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


_pending: set[asyncio.Task] = set()


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(_set_future_exception(future, exc, delay))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    return future
