# fails: exception_propagates_unchanged
"""Adds the time taken to the body's exception, in its args, before letting it through: the same object, changed."""
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
            except Exception as error:
                error.args = (*error.args, f"after {time.perf_counter() - start:.4f} s")
                raise
            finally:
                total = time.perf_counter() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
