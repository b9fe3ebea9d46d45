# fails: prints_starting_line_first
"""Starts the body as a task first, then prints the Starting line after a sleep(0): the body has had its first step
by then, and its own line comes first."""
import asyncio
import functools
import time


def async_timed():
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            start = time.perf_counter()
            task = asyncio.ensure_future(func(*args, **kwargs))
            await asyncio.sleep(0)
            print(f"Starting {func} with args {args} {kwargs}")
            try:
                return await task
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

        return wrapper

    return decorator
