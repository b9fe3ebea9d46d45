# expect: status=ok score=4
"""input() inside make_request, left from trying it by hand: the checks that call it fail, told so;
the other functions keep their points."""
import asyncio

# The loop keeps only weak references to tasks: hold on to ours until they finish.
_pending: set[asyncio.Task] = set()


def _in_background(coro) -> None:
    task = asyncio.create_task(coro)
    _pending.add(task)
    task.add_done_callback(_pending.discard)


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    input("press enter to send the request ")
    future = asyncio.get_running_loop().create_future()
    _in_background(set_future_value(future, value, delay))
    return future


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_result(value)


async def _set_future_exception(future: asyncio.Future, exc: Exception, delay: float) -> None:
    await asyncio.sleep(delay)
    if not future.done():
        future.set_exception(exc)


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    _in_background(_set_future_exception(future, exc, delay))
    return future
