# fails: reports_time_when_body_raises, reports_time_when_cancelled
"""WRONG: prints the Finished line in `except` and again in `finally`: twice when the body raises."""
import functools
import time


def async_timed():
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            except BaseException:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")
                raise
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")
        return wrapper
    return decorator
