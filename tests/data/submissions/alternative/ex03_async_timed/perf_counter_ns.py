"""async_timed with integer nanoseconds from time.perf_counter_ns, divided at the end."""
import functools
import time


def async_timed():
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            t0 = time.perf_counter_ns()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {(time.perf_counter_ns() - t0) / 1e9:.4f} second(s)")

        return wrapper

    return decorator
