# fails: reports_time_when_body_raises, reports_time_when_cancelled
"""Prints the Finished line only when the body returns: no try/finally."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            result = await func(*args, **kwargs)
            print(f"Finished {func} in {time.time() - start:.4f} second(s)")
            return result

        return wrapped

    return wrapper
