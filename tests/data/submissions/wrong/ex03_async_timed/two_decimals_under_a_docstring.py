# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Prints the total with two decimals, {total:.2f}; the wrapper's docstring names the Finished line too."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            """Print "Starting ..." first and "Finished ... in N second(s)" last, however the body ends."""
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.time() - start
                print(f"Finished {func} in {total:.2f} second(s)")

        return wrapped

    return wrapper
