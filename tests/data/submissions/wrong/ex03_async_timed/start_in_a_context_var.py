# fails: concurrent_calls_report_their_own_time
"""Keeps the start time in a ContextVar, set at each call and never reset: a decorated coroutine that awaits another
decorated coroutine in the same task has its start overwritten by the inner call."""
import contextvars
import functools
import time

_start = contextvars.ContextVar("start")


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            _start.set(time.perf_counter())
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter() - _start.get()
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
