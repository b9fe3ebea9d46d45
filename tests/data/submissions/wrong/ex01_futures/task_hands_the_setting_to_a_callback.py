# fails: schedules_a_task, failing_request_waits_and_tolerates_cancel
"""The task sleeps, then hands the setting to a callback with call_soon_threadsafe, the way code in another thread
would: the future gets its outcome a loop pass later, from a callback, not from the task."""

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


def _settle(future: asyncio.Future, method: str, outcome) -> None:
    if not future.done():
        getattr(future, method)(outcome)


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    # Hand the setting to the loop, as a thread would: the loop runs it on its next pass.
    future.get_loop().call_soon_threadsafe(_settle, future, "set_result", value)


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    future.get_loop().call_soon_threadsafe(_settle, future, "set_exception", exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(_set_future_exception(future, exc, delay))
    return future
