# fails: exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled
"""`end` read inside the `try:`, after the await: when the body raises or is cancelled, `finally:` meets an unset
`end`, and UnboundLocalError replaces the body's exception."""
import functools
import time
from typing import Callable


def async_timed():
    def wrapper(func: Callable) -> Callable:
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                result = await func(*args, **kwargs)
                end = time.time()
                return result
            finally:
                total = end - start
                print(f"Finished {func} in {total:.4f} second(s)")
        return wrapped
    return wrapper
