"""Right, written another way: `delay=None` stands for the lesson's one second, and each request is a task of
its own coroutine that the module keeps until it is done."""

import asyncio

DEFAULT_DELAY = 1.0
_running: set[asyncio.Task] = set()


def _start(coro) -> None:
    task = asyncio.get_running_loop().create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_after(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_request(value, delay: float | None = None) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _start(set_future_value(future, value, DEFAULT_DELAY if delay is None else delay))
    return future


def make_failing_request(exc: Exception, delay: float | None = None) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _start(_fail_after(future, exc, DEFAULT_DELAY if delay is None else delay))
    return future
