# fails: prints_starting_line_first, prints_finished_line_with_elapsed_time
"""Prints the wrapper instead of func: functools.wraps named it alike, so only its address differs."""
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {wrapped} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.time() - start
                print(f"Finished {wrapped} in {total:.4f} second(s)")

        return wrapped

    return wrapper
