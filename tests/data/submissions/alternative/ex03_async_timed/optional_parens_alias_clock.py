"""async_timed usable with or without parentheses; a module-level alias of time.perf_counter; sys.stdout.write."""
import functools
import sys
from time import perf_counter as clock


def async_timed(func=None, *, out=None):
    def decorator(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            stream = out or sys.stdout
            stream.write(f"Starting {fn} with args {args} {kwargs}\n")
            t0 = clock()
            try:
                return await fn(*args, **kwargs)
            finally:
                stream.write("Finished %s in %.4f second(s)\n" % (fn, clock() - t0))

        return wrapper

    return decorator if func is None else decorator(func)
