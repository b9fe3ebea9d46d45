"""async_timed running the body in a task of its own, awaited; time.time imported at call time."""
import asyncio
import functools


def async_timed():
    def wrap(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            import time

            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await asyncio.ensure_future(func(*args, **kwargs))
            finally:
                end = time.time()
                print(f"Finished {func} in {end - start:0.4f} second(s)")

        return wrapped

    return wrap
