# fails: prints_finished_line_with_elapsed_time
"""WRONG: the clock is bound as a keyword default of the wrapper (captured at decoration time)."""
import functools
import time


def async_timed():
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, _clock=time.perf_counter, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = _clock()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {_clock() - start:.4f} second(s)")
        return wrapper
    return decorator
