# fails: keeps_name_doc_and_wrapped
"""Forgets functools.wraps: the decorated function is called "wrapped" and loses its docstring."""

import time


def async_timed():
    def wrapper(func):
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapped

    return wrapper
