# fails: prints_finished_line_with_elapsed_time
"""WRONG by the contract: the clock function is looked up once, when the function is decorated."""
import functools
import time


def async_timed():
    def decorator(func):
        clock = time.perf_counter  # captured at decoration time

        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = clock()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {clock() - start:.4f} second(s)")
        return wrapper
    return decorator
