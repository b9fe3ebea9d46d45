# fails: failing_request_raises_same_exception, failing_request_waits_and_tolerates_cancel
"""Fails the request by cancelling its future: a cancelled future raises CancelledError, not the exception it was
given, and a future cancelled is done for good, with no exception to give."""

import asyncio

_pending: set[asyncio.Task] = set()


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(set_future_value(future, value, delay))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def fail_later(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.cancel(msg=str(exc))


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(fail_later(future, exc, delay))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    return future
