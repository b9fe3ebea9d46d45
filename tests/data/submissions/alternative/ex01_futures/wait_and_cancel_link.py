"""Exercise 01: the wait ends early when the future is done; a cancelled future cancels its task."""

import asyncio


def _link(future: asyncio.Future, coro) -> asyncio.Future:
    task = asyncio.create_task(coro)

    def cancel_task(done: asyncio.Future) -> None:
        if done.cancelled():
            task.cancel()

    future.add_done_callback(cancel_task)
    return future


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    return _link(future, set_future_value(future, value, delay))


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.wait([future], timeout=delay)
    if not future.done():
        future.set_result(value)


async def _set_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        return
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    return _link(future, _set_exception(future, exc, delay))
