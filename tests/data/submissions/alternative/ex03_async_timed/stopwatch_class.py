"""async_timed with a Timer class used as a context manager and a wraps-decorated async def."""
import time
from functools import wraps


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        print(f"Finished {self.label} in {self.elapsed:.4f} second(s)")


def async_timed():
    def decorator(func):
        @wraps(func)
        async def inner(*args, **kwargs):
            print(f"Starting {func!s} with args {args!r} {kwargs!r}")
            with Timer(func):
                return await func(*args, **kwargs)

        return inner

    return decorator
