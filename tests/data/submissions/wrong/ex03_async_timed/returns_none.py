# fails: returns_what_the_body_returns
"""Awaits the body but forgets to return its result."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
