# fails: reports_time_when_cancelled
"""Awaits asyncio.shield(func(...)): a cancelled call ends, Finished and all, but the body goes on running on its
own, detached from the call, and never gets the CancelledError."""

import asyncio
import functools
import time


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter()
            try:
                return await asyncio.shield(func(*args, **kwargs))
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

        return wrapper

    return decorate
