# fails: concurrent_calls_report_their_own_time
"""Keeps each call's start time in a dict keyed by the running task: right for calls in tasks of their own, wrong
for a decorated coroutine that awaits another decorated coroutine, which runs in the same task."""
import asyncio
import functools
import time

_starts = {}


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            _starts[asyncio.current_task()] = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter() - _starts.pop(asyncio.current_task(), 0.0)
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
