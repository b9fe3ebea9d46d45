# fails: prints_finished_line_with_elapsed_time
"""Reads time.time() at the start and time.perf_counter() at the end: the difference of two clocks is no duration."""
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
