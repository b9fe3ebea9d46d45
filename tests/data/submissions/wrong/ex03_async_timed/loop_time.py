# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Times with the running loop's loop.time(), not one of the time module's clocks the docstring names."""

import asyncio
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
            loop = asyncio.get_running_loop()
            start = loop.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = loop.time() - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
