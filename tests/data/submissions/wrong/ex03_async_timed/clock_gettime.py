# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Reads the monotonic clock through time.clock_gettime(CLOCK_MONOTONIC): the right clock on a real machine, but not
one of the three the contract names, which the grader controls."""

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
            start = time.clock_gettime(time.CLOCK_MONOTONIC)
            try:
                return await func(*args, **kwargs)
            finally:
                # `finally` also runs when the body raises or the task is cancelled.
                total = time.clock_gettime(time.CLOCK_MONOTONIC) - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
