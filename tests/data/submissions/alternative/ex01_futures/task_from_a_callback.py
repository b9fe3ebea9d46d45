"""Right, written another way: the task that sets the future is created from a callback the call queues
(loop.call_soon(loop.create_task, ...)), one step of the loop later; still a task running set_future_value."""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(loop.create_task, set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _fail_later(future, exc, delay):
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(loop.create_task, _fail_later(future, exc, delay))
    return future
