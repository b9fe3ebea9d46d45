# fails: concurrent_calls_report_their_own_time
"""Keeps the start time on the wrapper function: a second call running meanwhile overwrites the first's."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            wrapped.started = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.perf_counter() - wrapped.started:.4f} second(s)")

        return wrapped

    return wrapper
