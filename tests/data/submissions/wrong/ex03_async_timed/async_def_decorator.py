# fails: is_a_coroutine_function, keeps_name_doc_and_wrapped, returns_what_the_body_returns, prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Exercise 03: the decorator itself written `async def`, though it returns the wrapper: applying it makes a
coroutine object, and none of its body runs."""

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

AsyncFunction = Callable[..., Awaitable[Any]]


def async_timed() -> Callable[[AsyncFunction], Any]:
    async def decorator(func: AsyncFunction) -> AsyncFunction:
        @functools.wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f"Finished {func} in {time.time() - start:.4f} second(s)")

        return wrapper

    return decorator
