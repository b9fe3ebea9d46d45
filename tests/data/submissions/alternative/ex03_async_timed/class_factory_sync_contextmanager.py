"""Exercise 03: async_timed is a class (calling it gives the decorator); a sync contextmanager does the timing."""
import contextlib
import functools
import time


@contextlib.contextmanager
def _timing(func, args, kwargs):
    print(f"Starting {func} with args {args} {kwargs}")
    began = time.monotonic()
    try:
        yield
    finally:
        print(f"Finished {func} in {time.monotonic() - began:.4f} second(s)")


class async_timed:
    """`@async_timed()`: an instance of this class is the decorator."""

    def __call__(self, func):
        @functools.wraps(func)
        async def timed(*args, **kwargs):
            with _timing(func, args, kwargs):
                return await func(*args, **kwargs)

        return timed
