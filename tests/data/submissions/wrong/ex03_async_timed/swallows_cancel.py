# fails: reports_time_when_cancelled
"""Catches BaseException to report it, swallowing the cancellation: the cancelled task ends normally."""

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
            except Exception:
                raise
            except BaseException:
                return None
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
