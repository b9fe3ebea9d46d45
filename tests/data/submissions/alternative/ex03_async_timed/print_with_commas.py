"""Prints with commas (print adds the spaces) and %-formatting, timed with time.monotonic()."""

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

AsyncFunction = Callable[..., Awaitable[Any]]


def async_timed() -> Callable[[AsyncFunction], AsyncFunction]:
    def wrapper(func: AsyncFunction) -> AsyncFunction:
        @functools.wraps(func)
        async def wrapped(*args: Any, **kwargs: Any) -> Any:
            print("Starting", func, "with args", args, kwargs)
            start = time.monotonic()
            try:
                return await func(*args, **kwargs)
            finally:
                print("Finished", func, "in", "%.4f" % (time.monotonic() - start), "second(s)")

        return wrapped

    return wrapper
