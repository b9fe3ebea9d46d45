# fails: returns_what_the_body_returns, prints_starting_line_first, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Calls func(args, kwargs), without the stars: the body gets the tuple and the dict as two arguments."""
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(args, kwargs)
            finally:
                total = time.time() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
