"""Right, another way: the factory is a lambda returning a module-level decorator; the body awaited through
asyncio.wait_for with no timeout; the clock looked up by name on the time module at each call."""
import asyncio
import functools
import time

CLOCK = "perf_counter"


def _timed(func):
    async def wrapped(*args, **kwargs):
        clock = getattr(time, CLOCK)
        print(f"Starting {func} with args {args} {kwargs}")
        started = clock()
        try:
            return await asyncio.wait_for(func(*args, **kwargs), timeout=None)
        finally:
            print("Finished {} in {:.4f} second(s)".format(func, clock() - started))

    return functools.update_wrapper(wrapped, func)


async_timed = lambda: _timed  # noqa: E731
