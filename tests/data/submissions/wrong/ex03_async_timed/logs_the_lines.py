# fails: prints_starting_line_first, starting_line_shows_args_and_kwargs, prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""Writes the right Starting and Finished lines with logging (log.warning), which goes to standard error: the
exercise asks for them printed, on standard output."""

import functools
import logging
import time

log = logging.getLogger(__name__)


def async_timed():
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            log.warning(f"Starting {func} with args {args} {kwargs}")
            start = time.perf_counter()
            try:
                return await func(*args, **kwargs)
            finally:
                log.warning(f"Finished {func} in {time.perf_counter() - start:.4f} second(s)")

        return wrapper

    return decorate
