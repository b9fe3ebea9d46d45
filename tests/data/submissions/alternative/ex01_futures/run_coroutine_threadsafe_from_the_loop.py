"""Exercise 01: run_coroutine_threadsafe from the loop's own thread, and wait_for around a never-set Event."""
import asyncio
import contextlib

DEFAULT_DELAY = 1.0


async def _idle(delay):
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.Event().wait(), timeout=delay)


async def set_future_value(future, value, delay):
    print(f"[debug] setting {value!r} in {delay}s")
    await _idle(delay)
    if not future.done():
        future.set_result(value)


async def _raise_into(future, exc, delay):
    await _idle(delay)
    if future.cancelled() or future.done():
        return
    future.set_exception(exc)


def _request(coro_for):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    # Schedules a task on the loop; the concurrent future it returns is not needed.
    asyncio.run_coroutine_threadsafe(coro_for(future), loop)
    return future


def make_request(value, delay=DEFAULT_DELAY):
    return _request(lambda f: set_future_value(f, value, delay))


def make_failing_request(exc, delay=DEFAULT_DELAY):
    return _request(lambda f: _raise_into(f, exc, delay))
