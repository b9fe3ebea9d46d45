# fails: starting_line_shows_args_and_kwargs
"""WRONG: prints the arguments as inspect.signature(func).bind() sorts them, not as the call gave them: a
keyword argument for a positional-or-keyword parameter moves into args."""
import functools
import inspect
import time


def async_timed():
    def decorator(func):
        sig = inspect.signature(func)

        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            print(f"Starting {func} with args {bound.args} {bound.kwargs}")
            start = time.perf_counter()
            try:
                return await func(*bound.args, **bound.kwargs)
            finally:
                print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")
        return wrapper
    return decorator
