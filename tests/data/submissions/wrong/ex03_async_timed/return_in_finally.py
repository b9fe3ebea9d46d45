# fails: exception_propagates_unchanged, reports_time_when_cancelled
"""Returns the result from the `finally:` block: a `return` there drops the body's exception and the cancellation."""
import functools
import time


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            result = None
            try:
                result = await func(*args, **kwargs)
            finally:
                end = time.time()
                print(f"Finished {func} in {end - start:.4f} second(s)")
                return result

        return wrapped

    return wrapper
