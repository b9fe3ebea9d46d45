"""make_request's task only starts another task, which sleeps and sets the future: the grader must wait for it."""

import asyncio

# The loop keeps only weak references to tasks: hold on to ours until they finish.
_running: set[asyncio.Task] = set()


def _in_background(coro) -> None:
    task = asyncio.create_task(coro)
    _running.add(task)
    task.add_done_callback(_running.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()

    async def start_the_setter() -> None:
        _in_background(set_future_value(future, value, delay))

    _in_background(start_the_setter())
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()

    async def start_the_failer() -> None:
        _in_background(_fail_later(future, exc, delay))

    _in_background(start_the_failer())
    return future
