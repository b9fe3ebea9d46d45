# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Forgets the f of the f-strings: the lines show {func} and {total:.4f} as written."""
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print("Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.time() - start
                print("Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
