"""async_timed as a factory class with __call__, str.format with a nested precision, time.monotonic."""
import time
import functools


class async_timed:
    def __init__(self, *, digits: int = 4):
        self.digits = digits

    def __call__(self, func):
        digits = self.digits

        async def wrapper(*args, **kwargs):
            print("Starting {} with args {} {}".format(func, args, kwargs))
            start = time.monotonic()
            try:
                value = await func(*args, **kwargs)
            finally:
                print("Finished {} in {:.{}f} second(s)".format(func, time.monotonic() - start, digits))
            return value

        functools.update_wrapper(wrapper, func)
        return wrapper
