# fails: prints_starting_line_first, prints_finished_line_with_elapsed_time
"""Prints the function's name instead of the function object as print shows it."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func.__name__} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func.__name__} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
