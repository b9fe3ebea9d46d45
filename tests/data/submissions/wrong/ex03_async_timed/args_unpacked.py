# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs
"""Prints the arguments one by one instead of the args tuple and the kwargs dict."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args", *args, *kwargs.values())
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
