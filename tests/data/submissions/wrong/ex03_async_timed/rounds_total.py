# fails: prints_finished_line_with_elapsed_time
"""Rounds the total to hundredths before printing it with four decimals: 0.1234 s shows as 0.1200."""

import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                total = round(time.perf_counter() - start, 2)
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
