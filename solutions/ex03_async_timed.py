"""Exercise 03: timing coroutines with a decorator (reference solution)."""

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

AsyncFunction = Callable[..., Awaitable[Any]]


def async_timed() -> Callable[[AsyncFunction], AsyncFunction]:
    def wrapper(func: AsyncFunction) -> AsyncFunction:
        @functools.wraps(func)
        async def wrapped(*args: Any, **kwargs: Any) -> Any:
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                # `finally` also runs when the body raises or the task is cancelled.
                total = time.time() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
