# fails: returns_what_the_body_returns, prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Reads time.perf_counter without calling it: the finally block subtracts two functions."""

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
            start = time.perf_counter
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.perf_counter - start
                print(f"Finished {func} in {total:.4f} second(s)")

        return wrapped

    return wrapper
