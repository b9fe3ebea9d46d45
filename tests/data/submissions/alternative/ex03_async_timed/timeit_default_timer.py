"""async_timed with timeit's default_timer, imported by name."""
from functools import wraps
from timeit import default_timer as timer


def async_timed():
    def decorator(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = timer()
            try:
                result = await func(*args, **kwargs)
            finally:
                elapsed = timer() - start
                print(f"Finished {func} in {elapsed:.4f} second(s)")
            return result

        return wrapper

    return decorator
