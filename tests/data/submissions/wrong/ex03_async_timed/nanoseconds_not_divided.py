# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Reads time.perf_counter_ns() and prints the difference as seconds: a total a billion times too large."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter_ns()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter_ns() - start
                print(f"Finished {func} in {total:.4f} second(s)")
        return wrapped
    return wrapper
