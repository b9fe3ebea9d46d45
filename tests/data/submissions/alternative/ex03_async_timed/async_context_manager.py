"""async_timed with an async context manager (contextlib.asynccontextmanager) doing the timing."""
import contextlib
import functools
import time


@contextlib.asynccontextmanager
async def _timing(func, args, kwargs):
    print(f"Starting {func} with args {args} {kwargs}")
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")


def async_timed():
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            async with _timing(func, args, kwargs):
                return await func(*args, **kwargs)

        return wrapper

    return decorator
