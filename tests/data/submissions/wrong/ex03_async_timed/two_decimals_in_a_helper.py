# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""The Finished line printed by a helper of its own, `_report`, with two decimals: the slip is in the helper."""

import functools
import time


def _report(func, total):
    print(f"Finished {func} in {total:.2f} second(s)")


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f"Starting {func} with args {args} {kwargs}")
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                _report(func, time.time() - start)

        return wrapped

    return wrapper
