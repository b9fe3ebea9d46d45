"""async_timed copying the attributes by hand, time.monotonic, except/else instead of finally."""
import time


def async_timed():
    def decorate(func):
        async def timed(*args, **kwargs):
            print("Starting", func, "with args", args, kwargs)
            began = time.monotonic()
            try:
                result = await func(*args, **kwargs)
            except BaseException:
                print("Finished", func, "in", f"{time.monotonic() - began:.4f}", "second(s)")
                raise
            else:
                print("Finished", func, "in", f"{time.monotonic() - began:.4f}", "second(s)")
                return result

        timed.__name__ = func.__name__
        timed.__qualname__ = func.__qualname__
        timed.__doc__ = func.__doc__
        timed.__wrapped__ = func
        return timed

    return decorate
