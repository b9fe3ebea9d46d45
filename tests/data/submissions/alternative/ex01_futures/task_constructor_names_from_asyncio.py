"""Exercise 01: names imported from asyncio, and the task made with the asyncio.Task constructor."""

from asyncio import Future, Task, get_running_loop, sleep

_keep: set[Task] = set()


def _start(coro) -> None:
    task = Task(coro)  # a task of the running loop
    _keep.add(task)
    task.add_done_callback(_keep.discard)


def make_request(value, delay: float = 1.0) -> Future:
    future = get_running_loop().create_future()
    _start(set_future_value(future, value, delay))
    return future


async def set_future_value(future: Future, value, delay: float) -> None:
    await sleep(delay)
    if future.done():
        return
    future.set_result(value)


async def _fail(future: Future, exc: Exception, delay: float) -> None:
    await sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> Future:
    future = get_running_loop().create_future()
    _start(_fail(future, exc, delay))
    return future
