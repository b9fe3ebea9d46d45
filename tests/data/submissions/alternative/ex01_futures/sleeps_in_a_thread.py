"""Exercise 01: the wait runs time.sleep in a worker thread (asyncio.to_thread), so the loop stays free."""
import asyncio
import time

_tasks = set()


def _spawn(coro):
    task = asyncio.get_running_loop().create_task(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _spawn(set_future_value(future, value, delay))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.to_thread(time.sleep, delay)
    if not future.done():
        future.set_result(value)


async def _fail(future, exc, delay):
    await asyncio.to_thread(time.sleep, delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _spawn(_fail(future, exc, delay))
    return future
