# fails: prints_finished_line_with_elapsed_time
"""Prints the unit as 'seconds', not 'second(s)': only the check of the line's format fails, the times are right."""
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
                total = time.perf_counter() - start
                print(f"Finished {func} in {total:.4f} seconds")

        return wrapped

    return wrapper
