"""Exercise 03: the body awaited through asyncio.gather (cancelled with it), timed with time.monotonic_ns."""
import asyncio
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.monotonic_ns()
            try:
                (result,) = await asyncio.gather(func(*args, **kwargs))
                return result
            finally:
                print(f"Finished {func} in {(time.monotonic_ns() - start) / 1e9:.4f} second(s)")

        return wrapped

    return wrapper
