# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time
"""The lesson's code as printed: no Starting line, and "finished" in lower case."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                end = time.time()
                total = end - start
                print(f"finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
