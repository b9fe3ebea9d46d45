"""Exercise 03: timing coroutines with a decorator. Every check runs inside a running event loop.

Time is frozen with freezegun wherever a total is judged: the clock moves only when a check says so, by exact
steps such as 2.5 s, so the printed total is exact ("2.5000") whatever the machine's load, and it is the same
whether the student reads `time.time`, `time.perf_counter` or `time.monotonic` (freezegun moves all three, also
where they were imported by name). `real_asyncio=True` leaves the event loop on the real clock, so that
`asyncio.sleep` still works. The clock moves only while a decorated body is under way inside the student's
wrapper, or while no call is, so suspensions the wrapper adds before or after the body cannot change the totals.
One step has four decimals (0.1234 s): a total rounded before it is printed with `:.4f` shows only there.
A frozen clock moves `time.time` and `time.perf_counter` together, so one call also runs on the real clock: a
total taken as the difference of two different clocks shows only there (judged loosely, whatever the load).

Printed lines are read with pytest's `capsys`, which captures `print` also under the runner's `-s`, and what is
logged is kept too (`logged_lines`): a Starting or Finished line written to standard error is named as such.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory

from grader.suites.decorated_calls import (
    awaited,
    call,
    decorate,
    except_that_misses_cancel,
    expect_passed_on,
    loop_turns,
    made_call,
    not_the_bodys,
    until_entered,
    wrapper_at,
    wrapper_catching,
)
from grader.suites.timed_output import (
    DECORATION_FIX,
    FINALLY,
    FROZEN_AT,
    ONE_CLOCK_FIX,
    SIGN_FIX,
    UNREACHED_CLOCK_FIX,
    as_number,
    expect_capital_s,
    expect_formatted,
    expect_total,
    finished_lines,
    first_starting_line,
    format_fix,
    logged_lines_kept,
    printed,
    show,
    starting_line,
    unit_fix,
    unreached_clock,
    zero_total_fix,
)
from grader.testing import RETURN_IN_FINALLY, CallIn, check, expect, fail, return_in_finally, student

ex = student("exercises.ex03_async_timed")

REAL_NAP = 0.05
"""Seconds the real-clock call sleeps; its total must be at least half of it and below REAL_MOST."""
REAL_MOST = 30.0

_frozen: FrozenDateTimeFactory | None = None


@pytest.fixture(autouse=True)
def logged_lines() -> Iterator[None]:
    with logged_lines_kept():
        yield


@contextlib.contextmanager
def frozen_clock() -> Iterator[FrozenDateTimeFactory]:
    """Freeze `time` for the duration of a check; bodies move it with `advance()`."""
    global _frozen
    with freeze_time(FROZEN_AT, real_asyncio=True) as frozen:
        _frozen = frozen
        try:
            yield frozen
        finally:
            _frozen = None


def advance(seconds: float) -> None:
    assert _frozen is not None, "advance() is for bodies running under frozen_clock()"
    expect_passed_on(seconds, (int, float), "seconds")
    _frozen.tick(seconds)


# The coroutines the checks decorate. Their names show up in the student's printed lines, so they read well.


async def download(seconds: float) -> str:
    """Pretend to download for `seconds`, suspending before and after."""
    await asyncio.sleep(0)
    print("downloading")
    advance(seconds)
    await asyncio.sleep(0)
    return f"{seconds} s of data"


async def nap(seconds: float) -> float:
    """Sleep on the real clock (no frozen time)."""
    await asyncio.sleep(seconds)
    return seconds


async def greet() -> None:
    print("hello from the body")


async def echo(*args, **kwargs) -> tuple:
    await asyncio.sleep(0)
    return args, kwargs


async def fetch(url: str, retries: int = 1) -> str:
    """A parameter that a call may name: `fetch("http://x", retries=2)` passes retries as a keyword argument."""
    await asyncio.sleep(0)
    return f"{url} after {retries} tries"


async def fail_slowly(seconds: float, error: Exception) -> None:
    await asyncio.sleep(0)
    advance(seconds)
    raise error


async def step(seconds: float) -> None:
    """Take `seconds` on the frozen clock, suspending before and after."""
    await asyncio.sleep(0)
    advance(seconds)
    await asyncio.sleep(0)


async def steps_around(inner: Any, before: float, during: float, after: float) -> None:
    """Take `before` seconds, await `inner(during)` (the decorated step, in this same task), then take `after`."""
    advance(before)
    await inner(during)
    advance(after)


async def wait_for_release(
    entered: asyncio.Event, release: asyncio.Event, cancelled: asyncio.Event | None = None
) -> None:
    """Wait until `release` is set; `cancelled` is set when the wait itself is cancelled, the body's own await."""
    expect_passed_on(entered, asyncio.Event, "entered")
    entered.set()
    try:
        await release.wait()
    except asyncio.CancelledError:
        if cancelled is not None:
            cancelled.set()
        raise


# Checks


@check("the decorated function is still a coroutine function (an async def)")
async def test_is_a_coroutine_function():
    decorated = decorate(download)
    expect(
        inspect.iscoroutinefunction(decorated),
        f"@async_timed() turned the async def function download into {decorated!r}, which is not a coroutine"
        " function (inspect.iscoroutinefunction is false)",
        expected="the decorated function is an async def too, awaited just like the original",
        fix="Define the wrapper with `async def wrapped(*args, **kwargs):` and `return await func(*args, **kwargs)`.",
        at=wrapper_at(decorated),
    )


@check("the decorated function keeps the original's __name__, __qualname__, __doc__ and __wrapped__")
async def test_keeps_name_doc_and_wrapped():
    decorated = decorate(download)
    fix = "Put `@functools.wraps(func)` on the wrapper: it copies these attributes from func."
    for attribute in ("__name__", "__qualname__", "__doc__"):
        got, want = getattr(decorated, attribute, None), getattr(download, attribute)
        expect(got == want, f"the decorated download has {attribute} = {got!r}", expected=repr(want), fix=fix,
               at=wrapper_at(decorated))  # fmt: skip
    wrapped = getattr(decorated, "__wrapped__", None)
    expect(wrapped is download, f"the decorated download has __wrapped__ = {wrapped!r}",
           expected="the original download function", fix=fix, at=wrapper_at(decorated))  # fmt: skip


@check("awaiting the decorated function passes the arguments on and returns what the body returned")
async def test_returns_what_the_body_returns(capsys):
    decorated = decorate(echo)
    got = await call(decorated, 1, "two", three=[3])
    expect(
        got == ((1, "two"), {"three": [3]}),
        f"await echo(1, 'two', three=[3]) with @async_timed() gave {got!r}",
        expected="((1, 'two'), {'three': [3]}): what the undecorated echo returns",
        fix="Pass every argument on, `await func(*args, **kwargs)`, and return its result: `return await func(...)`.",
        at=wrapper_at(decorated),
    )
    returned = await call(decorate(greet))
    expect(returned is None, f"await greet() with @async_timed() gave {returned!r}", expected="None, as greet returns",
           at=wrapper_at(decorated))  # fmt: skip


NO_STARTING_LINE = (
    "The lesson's decorator code has no Starting line, though its output shows one: print f'Starting {func} with args"
    " {args} {kwargs}' in the wrapper, just before `await func(*args, **kwargs)`."
)


@check("awaiting a call prints 'Starting <function ...> with args () {}' before the body runs")
async def test_prints_starting_line_first(capsys):
    decorated = decorate(greet)
    at_decoration = printed(capsys, judged="Starting")
    await call(decorated)
    lines = printed(capsys, judged="Starting")
    expected = starting_line(greet, (), {})
    body = "hello from the body"
    first = first_starting_line(lines)
    if first is None and first_starting_line(at_decoration) is not None:
        fail(
            f"your Starting line was printed once, when @async_timed() decorated greet, and awaiting greet() printed"
            f" {show(lines)}",
            expected=f"each call prints {expected!r}, then the body's {body!r}",
            fix="Print the Starting line inside the async def wrapper, which runs at every call, not in the decorator"
            " around it, which runs once when the function is decorated.",
            at=wrapper_at(decorated),
        )
    if first is None:
        fail(
            f"awaiting the decorated greet() printed {show(lines)}",
            expected=f"first {expected!r}, then the body's {body!r}",
            fix=NO_STARTING_LINE,
            at=wrapper_at(decorated),
        )
    starting_at = wrapper_at(decorated, printing="Starting")
    expect_formatted(first, f"awaiting the decorated greet() printed {first!r}", starting_at)
    expect_capital_s(first, expected, f"awaiting the decorated greet() printed {first!r}", starting_at)
    wrapper_shown = first == starting_line(decorated, (), {}) and str(decorated) != str(greet)
    expect(
        first == expected,
        f"awaiting the decorated greet() printed {first!r}"
        + (": your wrapper, which functools.wraps named greet too, at another address" if wrapper_shown else ""),
        # The same text either way once addresses are gone: the expected line says which function prints it.
        expected=f"{expected!r} printed from `func`, the original greet, not from your wrapper"
        if wrapper_shown
        else repr(expected),
        fix="Print `func`, the function the decorator received, not your wrapper: f'Starting {func} with args"
        " {args} {kwargs}'."
        if wrapper_shown
        else "Print f'Starting {func} with args {args} {kwargs}' before the body runs; {func} is the original"
        " function, as print shows it.",
        at=starting_at,
    )
    if body in lines and lines.index(body) > lines.index(first):
        await expect_nothing_printed_until_awaited(capsys, decorated)
        return
    started = task_made_at(decorated)
    fail(
        f"awaiting the decorated greet() printed {show(lines)}",
        expected=f"the body's own line {body!r} after the Starting line",
        fix="Print the Starting line before you start the original function: a task made of it (ensure_future,"
        " create_task) runs the body's first step as soon as your wrapper awaits anything, a print after that"
        " comes too late. Print first, then `await func(*args, **kwargs)`."
        if started
        else "Print the Starting line before you await the original function: `await func(*args, **kwargs)`.",
        at=started or wrapper_at(decorated),
    )


def task_made_at(decorated: Any) -> Any:
    """The line of the student's wrapper that makes a task (ensure_future, create_task), None when there is none."""
    code = getattr(decorated, "__code__", None)  # the wrapper's own: functools.wraps points past it to the body
    return CallIn(code, "ensure_future", "create_task").found() if code is not None else None


STARTED_WHEN_CALLED_FIX = (
    "Start nothing when the decorated function is called: a task made of func(...) then runs the body at once. In an"
    " `async def` wrapper, print the Starting line, then `await func(*args, **kwargs)`: both run only when the call"
    " is awaited."
)


async def expect_nothing_printed_until_awaited(capsys: Any, decorated: Any) -> None:
    """Calling the decorated greet() only makes a coroutine: its Starting line, like its body, belongs to awaiting
    it, which a program may do later or never (a coroutine handed on to create_task or gather, one that is dropped).
    A plain `def` wrapper, marked as a coroutine function (inspect.markcoroutinefunction) or not, prints at the call."""
    printed(capsys, judged="Starting")
    pending = made_call(decorated)
    await loop_turns()
    early = printed(capsys, judged="Starting")
    await awaited(decorated, pending)
    printed(capsys, judged="Starting")
    # The call's own lines only: a debugging print of the student's when the function is called is no claim of this.
    if not any(line == "hello from the body" or line.lower().startswith(("starting", "finished")) for line in early):
        return
    starting = first_starting_line(early) is not None
    fail(
        f"calling the decorated greet() printed {show(early)} before the call was awaited (the checks made the"
        " coroutine, let the event loop run, and only then awaited it)",
        expected="nothing printed until the call is awaited; then the Starting line, then the body's",
        fix="Print the Starting line in the body of an `async def` wrapper, which runs only when the call is"
        " awaited. A plain `def` wrapper runs as soon as the decorated function is called, also when it is marked"
        " with inspect.markcoroutinefunction and returns a coroutine."
        if starting
        else STARTED_WHEN_CALLED_FIX,
        at=wrapper_at(decorated, printing="Starting") if starting else task_made_at(decorated) or wrapper_at(decorated),
    )


@check("the Starting line shows the positional arguments as a tuple and the keyword arguments as a dict")
async def test_starting_line_shows_args_and_kwargs(capsys):
    cases = [(echo, (1, "two"), {"three": [3]}), (echo, (5,), {}), (echo, (), {"url": "http://x", "retries": 2})]
    cases.append((fetch, ("http://x",), {"retries": 2}))  # as the call gave them, not as the signature would bind them
    for func, args, kwargs in cases:
        decorated = decorate(func)
        printed(capsys, judged="Starting")
        await call(decorated, *args, _body_must_run=False, **kwargs)
        first = first_starting_line(printed(capsys, judged="Starting"))
        expected = starting_line(func, args, kwargs)
        shown_call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        happened = f"awaiting the decorated {func.__name__}({shown_call}) printed " + (
            repr(first) if first is not None else "no line starting with 'Starting'"
        )
        # The arguments are this check's claim; how the line names the function is the check above's.
        if first is not None:
            expect_formatted(first, happened, wrapper_at(decorated, printing="Starting"))
        expect(
            first is not None and first.partition(" with args ")[2] == expected.partition(" with args ")[2],
            happened,
            expected=repr(expected),
            fix=NO_STARTING_LINE
            if first is None
            else "Print the wrapper's `args` and `kwargs` themselves, as the call gave them: f'... with args {args}"
            " {kwargs}' shows the tuple and the dict as Python writes them.",
            at=wrapper_at(decorated, printing="Starting" if first is not None else None),
        )


@check(
    "a call that takes 2.5 s prints 'Finished <function ...> in 2.5000 second(s)' after the body, one that takes"
    " 0.1234 s prints 'in 0.1234 second(s)', and on the real clock a call that sleeps 0.05 s prints about 0.05 s"
)
async def test_prints_finished_line_with_elapsed_time(capsys):
    with frozen_clock():
        decorated = decorate(download)
        printed(capsys)
        await call(decorated, 2.5)
        lines = printed(capsys)
        await call(decorated, 0.1234)
        precise = printed(capsys)
    options = {"decorated": decorated, "at": wrapper_at(decorated), "after": "downloading", "strict": True}
    expect_total(lines, download, "2.5000", "when download(2.5) took 2.5 s", **options)
    expect_total(precise, download, "0.1234", "when download(0.1234) took 0.1234 s", **options,
                 since_decorated="2.6234")  # fmt: skip
    # Decorated before the clock is frozen, as a program decorates at import: a clock function saved when decorating
    # is the real one, which a call under the frozen clock never sees move. (Decorated while frozen above, so that a
    # start read when decorating is named as that, not as a total between the frozen clock and the real one.)
    early = decorate(download)
    with frozen_clock():
        printed(capsys)
        await call(early, 2.5)
        lines = printed(capsys)
    expect_total(lines, download, "2.5000", "when download(2.5), decorated before the grader froze the clock, took"
                 " 2.5 s", **{**options, "decorated": early, "at": wrapper_at(early)})  # fmt: skip
    # The real clock: only a lower bound (a sleep never ends early) and an upper one no load reaches.
    napping = decorate(nap)
    await call(napping, REAL_NAP)
    real = printed(capsys)
    at = wrapper_at(napping)
    found = finished_lines(real, nap, at=at)
    what = f"on the real clock, when nap({REAL_NAP}) awaited asyncio.sleep({REAL_NAP})"
    expect(len(found) == 1, f"{what}, your code printed {show(real)}",
           expected=f"exactly one line 'Finished {nap} in ... second(s)'", fix=FINALLY, at=at)  # fmt: skip
    number = as_number(found[0][1])
    expect(
        number is not None and REAL_NAP / 2 <= number < REAL_MOST,
        f"{what}, your code printed {real[found[0][0]]!r}",
        expected=f"a total of about {REAL_NAP} s: at least {REAL_NAP / 2:g} s and well below {REAL_MOST:g} s",
        fix=SIGN_FIX if number is not None and -REAL_MOST < number < 0 else ONE_CLOCK_FIX,
        at=at,
    )


@check("each call is timed from when it is awaited, not from when the function was decorated or when it was called")
async def test_times_each_call_not_the_decoration(capsys):
    with frozen_clock() as frozen:
        decorated = decorate(download)
        frozen.tick(100)
        printed(capsys)
        await call(decorated, 0.5)
        first = printed(capsys)
        frozen.tick(7)
        await call(decorated, 0.25)
        second = printed(capsys)
        # A coroutine awaited a while after it was made, as one handed to gather or create_task may be: what runs
        # when the decorated function is called (a plain `def` wrapper) is not part of the call's run.
        pending = made_call(decorated, 0.75)
        frozen.tick(30)
        await loop_turns()
        early = printed(capsys)
        await awaited(decorated, pending)
        third = early + printed(capsys)
    wrapper = {"decorated": decorated, "at": wrapper_at(decorated)}
    expect_total(first, download, "0.5000", "when download(0.5) took 0.5 s, 100 s after it was decorated", **wrapper,
                 since_decorated="100.5000")  # fmt: skip
    expect_total(second, download, "0.2500", "when a second call, download(0.25), took 0.25 s", **wrapper,
                 since_decorated="107.7500")  # fmt: skip
    expect(
        "downloading" not in early,
        f"the body of a call, download(0.75), ran before the call was awaited: your code printed {show(early)}"
        " while the checks held the coroutine the call made and let the event loop run",
        expected="the body runs when the call is awaited, and the time it takes is the call's",
        fix=STARTED_WHEN_CALLED_FIX,
        at=task_made_at(decorated) or wrapper_at(decorated),
    )
    expect_total(third, download, "0.7500", "when a third call, download(0.75), was awaited 30 s after it was made"
                 " and then took 0.75 s", **wrapper, since_decorated="138.5000", since_called="30.7500")  # fmt: skip


@check("an exception from the body comes out of the decorated call unchanged (the same object)")
async def test_exception_propagates_unchanged(capsys):
    error = LookupError("no such user")
    with frozen_clock():
        decorated = decorate(fail_slowly)
        try:
            got = await call(decorated, 1.0, error)
        except Exception as raised:
            if not_the_bodys(raised, error):
                raise
            expect(
                raised is error,
                f"the body raised LookupError('no such user'), and the decorated call raised {raised!r}",
                expected="the very same exception object",
                fix="Let the exception pass: use try/finally with no except, or re-raise with a bare `raise`.",
                at=wrapper_at(decorated),
            )
            notes = getattr(raised, "__notes__", None)
            expect(
                raised.args == ("no such user",) and not notes,
                "the body raised LookupError('no such user'), and the decorated call raised it changed: "
                + (f"with the note(s) {notes!r} added" if notes else f"{raised!r}"),
                expected="the very same exception object, unchanged: LookupError('no such user')",
                fix="Let the exception pass as it is: do not change its args or add notes to it; the time taken"
                " belongs on the Finished line, printed in `finally:`.",
                at=wrapper_at(decorated),
            )
            return
    returns = return_in_finally(getattr(decorated, "__code__", None))
    fail(
        f"the body raised LookupError('no such user'), but the decorated call returned {got!r}",
        expected="the same LookupError raised by the decorated call",
        fix=RETURN_IN_FINALLY
        if returns
        else "Do not catch the exception: print Finished in `finally:`, which lets it pass on.",
        at=returns or wrapper_catching(decorated, error) or wrapper_at(decorated),
    )


@check("the Finished line is printed, with the time taken, also when the body raises")
async def test_reports_time_when_body_raises(capsys):
    with frozen_clock():
        decorated = decorate(fail_slowly)
        printed(capsys)
        error = ValueError("bad input")
        try:
            await call(decorated, 1.25, error)
        except Exception as raised:
            if not_the_bodys(raised, error):
                raise
        lines = printed(capsys)
    expect_total(lines, fail_slowly, "1.2500", "when the body raised ValueError after 1.25 s", decorated=decorated,
                 at=wrapper_at(decorated))  # fmt: skip


MISSES_CANCEL = (
    "This `except` does not take a cancellation: asyncio.CancelledError is a BaseException, not an Exception, so"
    " a cancelled call skips it. "
)


@check("the Finished line is printed, with the time taken, also when the call is cancelled, which stays cancelled")
async def test_reports_time_when_cancelled(capsys):
    entered, never, cancelled = asyncio.Event(), asyncio.Event(), asyncio.Event()
    with frozen_clock() as frozen:
        decorated = decorate(wait_for_release)
        printed(capsys)
        task = asyncio.create_task(call(decorated, entered, never, cancelled))
        await until_entered(entered, task, decorated)
        frozen.tick(0.75)
        task.cancel()
        await asyncio.wait([task], timeout=2)
        lines = printed(capsys)
    expect(task.done(), "the task running the decorated call did not end after it was cancelled",
           expected="a cancelled call ends", fix=FINALLY, at=wrapper_at(decorated))  # fmt: skip
    if not task.cancelled() and (crash := task.exception()) is not None and not_the_bodys(crash, None):
        raise crash
    misses = except_that_misses_cancel(decorated)
    missing = (MISSES_CANCEL + FINALLY, misses) if misses else (FINALLY, None)
    expect_total(lines, wait_for_release, "0.7500", "when the call was cancelled after 0.75 s", decorated=decorated,
                 at=wrapper_at(decorated), missing=missing)  # fmt: skip
    if not task.cancelled():
        ended = f"raising {task.exception()!r}" if task.exception() else f"returning {task.result()!r}"
        returns = None if task.exception() else return_in_finally(getattr(decorated, "__code__", None))
        fail(
            f"after task.cancel(), the task running the decorated call ended {ended}",
            expected="the task is cancelled: the CancelledError passes through the wrapper",
            fix=RETURN_IN_FINALLY
            if returns
            else "Do not catch asyncio.CancelledError (or BaseException) in the wrapper; `finally:` lets it pass on.",
            at=returns or wrapper_catching(decorated, asyncio.CancelledError()) or wrapper_at(decorated),
        )
    if cancelled.is_set():
        return
    never.set()  # the body still waits: let it end now rather than be destroyed pending with the loop
    await loop_turns()
    code = getattr(decorated, "__code__", None)
    shielded = CallIn(code, "shield").found() if code is not None else None
    fail(
        "after task.cancel(), the decorated call ended cancelled and printed its Finished line, but the body of"
        " wait_for_release never got the CancelledError: it kept running on its own, detached from the call",
        expected="cancelling the call cancels the body: the CancelledError reaches the body's own await",
        fix="asyncio.shield(func(...)) does that: it keeps the body running when the call is cancelled, and nothing"
        " waits for it any more. Await the body directly, `return await func(*args, **kwargs)`, so that cancelling"
        " the call cancels it."
        if shielded
        else "The cancellation did not reach the body: something between your wrapper and func kept it out, as"
        " asyncio.shield does. Await the body directly, `return await func(*args, **kwargs)`, so that cancelling"
        " the call cancels it.",
        at=shielded or wrapper_at(decorated),
    )


@check("two decorated calls running at the same time each report their own time, also when one awaits the other")
async def test_concurrent_calls_report_their_own_time(capsys):
    # Three calls that overlap without nesting: the second ends first, then the first, then the third. Start times
    # kept anywhere but in the call itself mix them up: one shared start, a stack of them (right only for calls that
    # end in the reverse order they began) or a queue (right only for calls that end in the order they began).
    entered, released = [asyncio.Event() for _ in range(3)], [asyncio.Event() for _ in range(3)]
    with frozen_clock() as frozen:
        decorated = decorate(wait_for_release)
        printed(capsys)
        calls = []
        for index, step in enumerate((0, 1, 2)):  # started at 0 s, 1 s and 3 s
            frozen.tick(step)
            calls.append(asyncio.create_task(call(decorated, entered[index], released[index])))
            await until_entered(entered[index], calls[index], decorated)
        for index, step in ((1, 1), (0, 2), (2, 7)):  # released at 4 s, 6 s and 13 s
            frozen.tick(step)
            released[index].set()
            await asyncio.wait_for(calls[index], timeout=2)
        lines = printed(capsys)
    totals = [total for _, total in finished_lines(lines, wait_for_release, at=wrapper_at(decorated))]
    right = ["3.0000", "6.0000", "10.0000"]
    if totals == right:
        await expect_nested_calls_timed(capsys)
        return
    numbers = [as_number(total) for total in totals]
    reformat = [format_fix(got, total) for got, total in zip(totals, right, strict=False)]
    at = wrapper_at(decorated)
    if not totals:
        fix = FINALLY
    elif totals and all(number is not None and abs(number) < 0.01 for number in numbers):
        fix = zero_total_fix(decorated)
    elif len(totals) == len(right) and all(reformat):
        fix, at = reformat[0], wrapper_at(decorated, printing="Finished")
    elif totals == [f"-{total}" for total in right]:
        fix = SIGN_FIX
    elif totals == ["4.0000", "6.0000", "13.0000"]:  # each counted from the decoration, just before the first call
        fix = DECORATION_FIX
    elif len(totals) == len(right) and all(
        units := [unit_fix(n, total) for n, total in zip(numbers, right, strict=True)]
    ):
        fix, at = units[0], wrapper_at(decorated, printing="Finished")
    elif all(unreached_clock(number) for number in numbers):
        fix = UNREACHED_CLOCK_FIX
    else:
        fix = (
            "Keep the start time in a local variable of the wrapper, read when each call begins: a start time stored"
            " outside the call (a global, an attribute, a list or dict the calls share, the decorator's closure) is"
            " overwritten or taken by another call running at the same time."
        )
    fail(
        "three calls overlapped: the first ran 6 s; the second started 1 s after it and ran 3 s; the third started"
        " 3 s after the first and ran 10 s; your code printed "
        + (f"the totals {', '.join(totals)} (in the order the calls finished)" if totals else "no Finished line"),
        expected="3.0000 for the second call, then 6.0000 for the first, then 10.0000 for the third",
        fix=fix,
        at=at,
    )


NESTED = ["2.0000", "7.0000"]
"""The totals of a decorated coroutine that takes 1 s, awaits a decorated step of 2 s, then takes 4 s more: the
inner call's first, as it finishes first."""


async def expect_nested_calls_timed(capsys: Any) -> None:
    """A decorated coroutine that awaits another in its own task (no task of its own for the inner call, as in the
    lesson's `@async_timed() async def main(): await ...`) has its own start too: one kept per task is not."""
    with frozen_clock():
        inner, outer = decorate(step), decorate(steps_around)
        printed(capsys)
        await call(outer, inner, 1, 2, 4)
        lines = printed(capsys)
    at = wrapper_at(outer)
    totals = [total for _, total in finished_lines(lines, steps_around, at=at)]
    if totals == NESTED:
        return
    fail(
        "a decorated coroutine took 1 s, then awaited another decorated coroutine, in the same task, which took 2 s,"
        " then took 4 s more; your code printed "
        + (f"the totals {', '.join(totals)} (in the order the calls finished)" if totals else "no Finished line"),
        expected="2.0000 for the inner call, then 7.0000 for the outer one",
        fix="Keep the start time in a local variable of the wrapper, read when each call begins: a start time kept"
        " per task (a dict keyed by asyncio.current_task(), a ContextVar) is overwritten when a decorated coroutine"
        " awaits another one, which runs in the same task."
        if totals
        else FINALLY,
        at=at,
    )
