"""Exercise 09: debug mode.

asyncio has a debug mode that watches your program for common mistakes. Turn it on in any of these ways:

    asyncio.run(main(), debug=True)          # for one run
    loop.set_debug(True)                     # on a loop you manage yourself (exercise 07)
    PYTHONASYNCIODEBUG=1 python program.py   # or `python -X dev program.py`, for the whole program

Among other things, debug mode times every step the loop runs: every callback, and every stretch of a task from
one `await` that suspends to the next. A step that takes longer than `loop.slow_callback_duration` (0.1 s by
default) holds up every other coroutine, and debug mode reports it as a warning on the `asyncio` logger:

    Executing <Task pending name='Task-1' coro=<main() running at program.py:8> ...> took 0.301 seconds

A `time.sleep(0.3)` inside a coroutine gives such a warning; `await asyncio.sleep(0.3)` does not, because the
task is suspended while it waits and the loop stays free. You can change the threshold by setting
`loop.slow_callback_duration` to a number of seconds, on the loop before `main()` runs: `asyncio.run` makes its loop
out of your reach, so make one yourself (`asyncio.new_event_loop()`, as in exercise 07).

Write `slow_callbacks(main, threshold=0.1)`. `main` is an `async def` function that takes no arguments. Run
`main()` on a fresh event loop in debug mode with `slow_callback_duration` set to `threshold`, and return the
durations in seconds (floats, in the order reported) of every step that debug mode reported as slow. A `main`
that calls `time.sleep(0.3)` gives one duration of at least 0.3; a `main` that only awaits gives `[]`.

To catch the warnings, attach a `logging.Handler` of your own to `logging.getLogger("asyncio")` and look at the
records it receives (`record.args` holds what the message was formatted with). Leave that logger as you found
it: remove your handler and undo any change, and close the loop, even when `main()` raises; that exception must
come out of `slow_callbacks` unchanged.

Run `grader check 09` (or `.venv/bin/grader check 09`) to grade your work, and `grader hint 09` when stuck.
"""

import asyncio  # noqa: F401 (you will need it)
import logging  # noqa: F401 (you will need it)


def slow_callbacks(main, threshold: float = 0.1) -> list[float]:
    # TODO: attach a handler to the "asyncio" logger, run main() on a debug-mode loop, collect the durations.
    raise NotImplementedError(
        "loop.set_debug(True) and loop.slow_callback_duration: the docstring of exercises/ex09_debug_mode.py"
        " explains them"
    )
