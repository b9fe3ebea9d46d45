# fails: reports_time_when_cancelled
"""Reports in `except Exception`, which a cancellation (CancelledError is a BaseException) skips."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                result = await func(*args, **kwargs)
            except Exception:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")
                raise
            print(f"Finished {func} in {time.time() - start:.4f} second(s)")
            return result

        return wrapped

    return wrapper
