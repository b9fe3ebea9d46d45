# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs
"""Prints the Starting line in the decorator, once when the function is decorated, not at each call."""

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

AsyncFunction = Callable[..., Awaitable[Any]]


def async_timed() -> Callable[[AsyncFunction], AsyncFunction]:
    def wrapper(func: AsyncFunction) -> AsyncFunction:
        print(f"Starting {func} with args () {{}}")

        @functools.wraps(func)
        async def wrapped(*args: Any, **kwargs: Any) -> Any:
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.time() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
