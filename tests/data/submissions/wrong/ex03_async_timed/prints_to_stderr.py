# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Prints the right Starting and Finished lines to standard error, `print(..., file=sys.stderr)`: the exercise asks
for them on standard output, where print() writes."""

import functools
import sys
import time


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}", file=sys.stderr)
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)", file=sys.stderr)

        return wrapper

    return decorate
