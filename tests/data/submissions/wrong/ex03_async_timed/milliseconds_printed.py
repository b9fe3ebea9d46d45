# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Multiplies the total by 1000, "milliseconds are easier to read", and still prints "second(s)"."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                total = (time.perf_counter() - start) * 1000
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
