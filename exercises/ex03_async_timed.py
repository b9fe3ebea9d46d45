"""Exercise 03: timing coroutines with a decorator.

Wrapping every `await` in `start = time.time()` ... `end = time.time()` gets messy as soon as several coroutines
run. The lesson writes the timing once, as a decorator factory called `async_timed`, and puts `@async_timed()`
on any `async def`:

    @async_timed()
    async def main():
        task_one = asyncio.create_task(delay(2))
        task_two = asyncio.create_task(delay(3))
        await task_one
        await task_two

    asyncio.run(main())

prints (the `delay` lines come from `exercises/util.py`):

    Starting <function main at 0x100625120> with args () {}
    sleeping for 2 second(s)!
    sleeping for 3 second(s)!
    finished sleeping for 2 second(s)
    finished sleeping for 3 second(s)
    Finished <function main at 0x100625120> in 3.0014 second(s)

Note: the decorator's code in the lesson prints no Starting line and spells its last line `finished`;
the exercise asks for both lines exactly as the output above shows them.

Write `async_timed()`. It returns a decorator; the decorator takes the `async def` function `func` and returns a
wrapper that:

- is itself an `async def` function (so `inspect.iscoroutinefunction` is true for it) and looks like `func`:
  use `functools.wraps(func)`, which copies `__name__`, `__qualname__`, `__doc__` and sets `__wrapped__`;
- takes any arguments (`*args, **kwargs`) and passes them on to `func`;
- prints `Starting {func} with args {args} {kwargs}` before the body runs: `func` as `print` shows it (the
  original function, not your wrapper), `args` the tuple of positional arguments, `kwargs` the dict of keyword
  arguments;
- awaits `func(*args, **kwargs)` and returns what it returned, or lets its exception through unchanged;
- prints `Finished {func} in {total:.4f} second(s)` when the call ends, whether it returned, raised or was
  cancelled (that is what `try: ... finally:` is for). `total` is the time from start to end, read from
  `time.time()`, `time.perf_counter()` or `time.monotonic()` each time a call runs, so that two calls running at
  the same time each report their own time. Those three, because the grader moves them to check your totals
  (`loop.time()` and `time.clock_gettime()` are out of its reach).

Run `grader check 03` (or `.venv/bin/grader check 03`) to grade your work, and `grader hint 03` when stuck.
"""

from collections.abc import Awaitable, Callable
from typing import Any

AsyncFunction = Callable[..., Awaitable[Any]]


def async_timed() -> Callable[[AsyncFunction], AsyncFunction]:
    # TODO: return a decorator whose `async def` wrapper prints "Starting ...", awaits func, and prints
    # "Finished ... in {total:.4f} second(s)" however the call ends.
    raise NotImplementedError(
        "an async def wrapper with try/finally: lesson, 'Measuring coroutine execution time with decorators'"
    )
