"""Exercise 03: except BaseException re-raising by name, else for the return, a module-level report helper."""

from functools import wraps
from time import time


def _report(func, started: float) -> None:
    total = time() - started
    print(f"Finished {func} in {total:.4f} second(s)")


def async_timed():
    def decorator(func):
        @wraps(func)
        async def timed(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            started = time()
            try:
                result = await func(*args, **kwargs)
            except BaseException as error:
                _report(func, started)
                raise error
            else:
                _report(func, started)
                return result

        return timed

    return decorator
