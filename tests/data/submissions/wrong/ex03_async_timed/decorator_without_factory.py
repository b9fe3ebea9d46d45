# fails: is_a_coroutine_function, keeps_name_doc_and_wrapped, returns_what_the_body_returns, prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, exception_propagates_unchanged, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""A plain decorator, `@async_timed` without the factory's parentheses: `async_timed()` cannot be called."""

import functools
import time


def async_timed(func):
    @functools.wraps(func)
    async def wrapped(*args, **kwargs):
        print(f"Starting {func} with args {args} {kwargs}")
        start = time.time()
        try:
            return await func(*args, **kwargs)
        finally:
            print(f"Finished {func} in {time.time() - start:.4f} second(s)")

    return wrapped
