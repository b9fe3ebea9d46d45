"""Exercise 03: a Stopwatch dataclass per call, attributes copied by hand (including __wrapped__ and __dict__)."""
import time
from dataclasses import dataclass, field


@dataclass
class _Stopwatch:
    started: float = field(default_factory=lambda: time.perf_counter())

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
