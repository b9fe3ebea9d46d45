# requires: python>=3.12
"""Exercise 03: a plain def wrapper returning the timed coroutine, marked with inspect.markcoroutinefunction."""

import functools
import inspect
import time


async def _timed(func, args, kwargs):
    print(f"Starting {func} with args {args} {kwargs}")
    start = time.perf_counter()
    try:
        return await func(*args, **kwargs)
    finally:
        print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return _timed(func, args, kwargs)

        return inspect.markcoroutinefunction(wrapper)

    return decorate
