"""Exercise 08: the running loop.

Coroutines and tasks are not the only things an event loop runs: it also runs plain functions, called
*callbacks*. To schedule one you need the loop itself, and inside a coroutine (or any code that a running loop
called) `asyncio.get_running_loop()` gives it to you:

    def report():
        print("I'm being called in the future.")

    async def main():
        loop = asyncio.get_running_loop()
        loop.call_soon(report)       # report() runs on the loop's next iteration, not right now
        await delay(1)               # while main() waits, the loop is free to call report()

    asyncio.run(main())

prints this: `delay(1)` prints its first line before its `await` hands the loop back, and only then does the
loop call `report()` (which the lesson names `call_later`, not to be confused with the loop method below):

    sleeping for 1 second(s)!
    I'm being called in the future.
    finished sleeping for 1 second(s)

`call_soon(callback, *args)` only queues `callback(*args)`: it runs once the current step of the loop is over,
so `call_soon` returns before the callback has run. It returns an `asyncio.Handle`, whose `cancel()` takes the
callback off the queue. `call_later(delay, callback, *args)` does the same `delay` seconds from now, on the loop's
own clock, and returns an `asyncio.TimerHandle`.

Why `get_running_loop` and not the older `asyncio.get_event_loop`? With no loop running, `get_event_loop` may
quietly create a new loop (or hand you one that is not running), and your callback then waits on a loop that
nobody runs: a nasty surprise. `get_running_loop` raises `RuntimeError` instead, so the mistake shows at once.

Write:

- `schedule_soon(callback, *args)`: schedules `callback(*args)` on the running loop with `call_soon` and returns
  the handle. Do not call `callback` yourself. With no loop running, it raises `RuntimeError` and creates no loop.
- `schedule_later(delay, callback, *args)`: the same with `call_later`; returns the `TimerHandle`.
- `running_loop_or_none()`: the running loop, or `None` when no loop is running. It never creates a loop.

Run `grader check 08` (or `.venv/bin/grader check 08`) to grade your work, and `grader hint 08` when stuck.
"""

import asyncio


def schedule_soon(callback, *args) -> asyncio.Handle:
    # TODO: get the running loop and call_soon(callback, *args) on it; return the handle.
    raise NotImplementedError("asyncio.get_running_loop().call_soon(...): lesson, 'Accessing the event loop'")


def schedule_later(delay: float, callback, *args) -> asyncio.TimerHandle:
    # TODO: like schedule_soon, with call_later(delay, callback, *args).
    raise NotImplementedError("asyncio.get_running_loop().call_later(...): lesson, 'Accessing the event loop'")


def running_loop_or_none():
    # TODO: return the running loop, or None when get_running_loop() says there is none.
    raise NotImplementedError("catch get_running_loop()'s RuntimeError: lesson, 'Accessing the event loop'")
