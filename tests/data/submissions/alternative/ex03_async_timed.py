"""Exercise 03 written another way: a class-based decorator timing with a stopwatch context manager.

`async_timed()` makes an instance; applying the instance to a function returns an `async def` wrapper, so the
decorated function is a coroutine function on every Python version. The clock is `time.perf_counter`,
imported by name.
"""

import functools
from time import perf_counter


class _Stopwatch:
    """Prints the Starting line on entry and the Finished line on exit, however the block is left."""

    def __init__(self, func, args, kwargs):
        self.func, self.args, self.kwargs = func, args, kwargs
        self.started = 0.0

    def __enter__(self):
        print(f"Starting {self.func} with args {self.args} {self.kwargs}")
        self.started = perf_counter()
        return self

    def __exit__(self, *exc_info):
        print(f"Finished {self.func} in {perf_counter() - self.started:.4f} second(s)")
        return False


class async_timed:
    def __call__(self, func):
        async def timed(*args, **kwargs):
            with _Stopwatch(func, args, kwargs):
                return await func(*args, **kwargs)

        return functools.update_wrapper(timed, func)
