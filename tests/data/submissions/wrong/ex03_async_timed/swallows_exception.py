# fails: exception_propagates_unchanged
"""Catches the body's exception to report it, and returns None instead of letting it through."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            except Exception as error:
                print(f"{func} failed: {error!r}")
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
