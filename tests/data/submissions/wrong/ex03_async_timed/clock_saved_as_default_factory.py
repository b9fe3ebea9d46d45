# fails: prints_finished_line_with_elapsed_time, times_each_call_not_the_decoration, reports_time_when_body_raises, reports_time_when_cancelled, concurrent_calls_report_their_own_time
"""The start read through `default_factory=time.perf_counter`, a reference to the clock saved at import, which
freezegun cannot patch; the end read through time.perf_counter(): under a controlled clock the two are years apart
(the contract: a clock captured at import is not read "when the call runs")."""
import time
from dataclasses import dataclass, field


@dataclass
class _Stopwatch:
    started: float = field(default_factory=time.perf_counter)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def async_timed():
    def wrap(func):
        async def wrapped(*args, **kwargs):
            print(f"Starting {func!s} with args {args!r} {kwargs!r}")
            watch = _Stopwatch()
            try:
                value = await func(*args, **kwargs)
            finally:
                total = watch.elapsed()
                print(f"Finished {func} in {format(total, '.4f')} second(s)")
            return value

        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(wrapped, name, getattr(func, name))
        wrapped.__dict__.update(func.__dict__)
        wrapped.__wrapped__ = func
        return wrapped

    return wrap
