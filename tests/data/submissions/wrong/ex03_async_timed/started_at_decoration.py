# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, concurrent_calls_report_their_own_time
"""Reads the start time once, when the function is decorated, instead of when each call begins."""

import functools
import time


def async_timed():
    def wrapper(func):
        start = time.perf_counter()

        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

        return wrapped

    return wrapper
