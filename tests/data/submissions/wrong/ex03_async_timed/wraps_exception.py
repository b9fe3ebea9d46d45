# fails: exception_propagates_unchanged
"""Re-raises a new exception of its own instead of the body's exception object."""

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
                raise RuntimeError(f"{func.__name__} failed") from error
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
