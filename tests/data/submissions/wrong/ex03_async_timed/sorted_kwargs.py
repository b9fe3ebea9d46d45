# fails: starting_line_shows_args_and_kwargs
"""Tidies the keyword arguments into alphabetical order before printing them: no longer the dict the call got."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {dict(sorted(kwargs.items()))}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
