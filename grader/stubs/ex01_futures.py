"""Exercise 01: futures.

A future stands for a value that is not there yet. It starts out "not done"; someone later calls
`set_result(value)` (or `set_exception(exc)`), and every coroutine awaiting the future resumes with that value
(or has that exception raised). Inside a coroutine, where `loop = asyncio.get_running_loop()`:

    >>> future = loop.create_future()
    >>> future.done()
    False
    >>> future.result()                       # too early: nothing is set yet
    asyncio.exceptions.InvalidStateError: Result is not set.
    >>> future.set_result(42)
    >>> future.done(), future.result()
    (True, 42)

The lesson writes `Future()`, which inside a coroutine makes the same thing; `loop.create_future()` is the form
asyncio recommends (a bare `Future()` with no loop running, as in the lesson's first snippet, warns on 3.12 and
3.13, and is an error from 3.14 on).

In the lesson, `make_request()` plays a network request: it hands back a future at once, and a task sets the
value a little later, the way a reply arrives from the network. Build the three functions below:

- `make_request(value, delay)`: a plain function, called while an event loop runs. It creates a future on the
  running loop, schedules a task that runs `set_future_value(future, value, delay)`, and returns the future
  (not yet done). `await make_request(42, 0.5)` gives 42 half a second later.
- `set_future_value(future, value, delay)`: sleeps `delay` seconds without blocking the loop, then sets the
  result, unless the future is already done (someone cancelled it): then it does nothing and raises nothing.
- `make_failing_request(exc, delay)`: the same, but the future ends with the exception `exc` itself, so that
  `await make_failing_request(ValueError("boom"))` raises that very ValueError.

Several requests made together overlap: three requests of 0.2 s, awaited with `asyncio.gather`, take about 0.2 s.

Run `grader check 01` (or `.venv/bin/grader check 01`) to grade your work, and `grader hint 01` when stuck.
"""

import asyncio


def make_request(value, delay: float = 1.0) -> asyncio.Future:
    # TODO: create a future on the running loop, schedule set_future_value(...) as a task, return the future.
    raise NotImplementedError("create a future and set its value from a task: lesson, 'Introducing futures'")


async def set_future_value(future: asyncio.Future, value, delay: float) -> None:
    # TODO: wait `delay` seconds without blocking, then set the result unless the future is already done.
    raise NotImplementedError(
        "await asyncio.sleep(delay), then future.set_result(value): lesson, 'Introducing futures'"
    )


def make_failing_request(exc: Exception, delay: float = 1.0) -> asyncio.Future:
    # TODO: like make_request, but the future ends with the exception `exc`.
    raise NotImplementedError("like make_request, with future.set_exception(exc): lesson, 'Introducing futures'")
