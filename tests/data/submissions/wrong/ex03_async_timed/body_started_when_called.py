# fails: prints_starting_line_first, times_each_call_not_the_decoration
"""A plain `def` wrapper marked with inspect.markcoroutinefunction starts the body as a task when the decorated
function is called, and returns a coroutine that prints Starting, awaits the task and prints Finished: the body
runs before the call is awaited (or when it never is), and its time is not counted."""

import asyncio
import functools
import inspect
import time


def as_coroutine_function(wrapper):
    """inspect.markcoroutinefunction(wrapper) where it exists (Python 3.12+). Before, a stand-in that
    inspect.iscoroutinefunction takes for an async def all the same (it reads the flags of a function-like object's
    `__code__`), so that this case fails the same checks on every Python."""
    if hasattr(inspect, "markcoroutinefunction"):
        return inspect.markcoroutinefunction(wrapper)

    async def shape(*args, **kwargs):
        pass

    class Marked:
        __code__ = shape.__code__
        __defaults__ = __kwdefaults__ = None

        def __call__(self, *args, **kwargs):
            return wrapper(*args, **kwargs)

    marked = functools.update_wrapper(Marked(), wrapper)
    marked.__wrapped__ = wrapper.__wrapped__
    return marked


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            task = asyncio.ensure_future(func(*args, **kwargs))

            async def run():
                print(f"Starting {func} with args {args} {kwargs}")
                start = time.perf_counter()
                try:
                    return await task
                finally:
                    print(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

            return run()

        return as_coroutine_function(wrapper)

    return decorate
