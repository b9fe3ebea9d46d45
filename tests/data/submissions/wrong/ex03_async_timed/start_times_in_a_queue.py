# fails: concurrent_calls_report_their_own_time
"""Keeps the start times in a queue, first in first out: right only for calls that end in the order they began."""
import collections
import functools
import time

_starts = collections.deque()


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            _starts.append(time.perf_counter())
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter() - _starts.popleft()
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
