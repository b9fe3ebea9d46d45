# fails: returns_what_the_body_returns, prints_starting_line_first, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Calls func without `await`: the wrapper times the making of a coroutine object and hands that back unrun."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
