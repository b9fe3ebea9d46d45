"""Exercise 01: make_failing_request reuses make_request for the wait and relays its end as the exception."""
import asyncio

_tasks: set = set()


def _keep(task):
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _keep(asyncio.create_task(set_future_value(future, value, delay)))
    return future


async def set_future_value(future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    waited = make_request(None, delay)
    failing = asyncio.get_running_loop().create_future()

    async def relay():
        await waited
        if not failing.done():
            failing.set_exception(exc)

    _keep(asyncio.create_task(relay()))
    return failing
