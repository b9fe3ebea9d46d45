# fails: returns_what_the_body_returns, starting_line_shows_args_and_kwargs
"""The wrapper takes *args only: a call with keyword arguments cannot even start."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args):
            print(f"Starting {func} with args {args} {{}}")
            start = time.perf_counter()
            try:
                return await func(*args)
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

        return wrapped

    return wrapper
