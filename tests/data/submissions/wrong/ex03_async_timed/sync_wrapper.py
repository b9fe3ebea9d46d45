# fails: is_a_coroutine_function, prints_starting_line_first, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""A plain `def` wrapper: it times only the creation of the coroutine, not its run."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
