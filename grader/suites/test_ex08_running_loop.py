"""Exercise 08: the running loop.

Inside a loop the checks are async tests and judge by order: what ran before `schedule_soon` returned, what ran
on a later iteration, and when on the loop's own clock. Outside a loop they are sync tests in two set-ups that
do not depend on what ran earlier in the process: a fresh policy with no current loop (where the old
`asyncio.get_event_loop()` would quietly create one), and a current loop that is not running (which
`get_event_loop()` would hand back). Only `get_running_loop()` raises in both.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from grader.asyncio_mistakes.frames import callers_frame
from grader.suites.loop_spies import LoopSpy, current_loop, fresh_policy, loop_state_guard, spy_on_loops
from grader.testing import (
    CallIn,
    CheckFailure,
    call_repr,
    calling_line,
    check,
    expect,
    fail,
    raised_by_input,
    return_in_finally,
    student,
    where,
)

ex = student("exercises.ex08_running_loop")

BLOCKING_PROBE = 0.3
"""The delay of a schedule_later call that must return at once: one that sleeps it out takes all of it, twice the
half it is allowed, and no plain call takes 0.15 s however busy the machine."""
OVERRULED_BY_FINALLY = (
    "A `finally:` block runs however the `try:` ends, and a `return` in it replaces what the `try:` returned: write"
    " `except RuntimeError: return None`, which runs only when get_running_loop() raised."
)
USE_RUNNING_LOOP = "Get the loop with asyncio.get_running_loop(), which raises RuntimeError when no loop is running."


def _call_it(got: Any, fix: str) -> str:
    """`fix`, or, when running_loop_or_none returned a function (`return asyncio.get_running_loop`, the parentheses
    forgotten), what to write instead: "Return asyncio.get_running_loop()" reads as what the student already did."""
    if callable(got) and not isinstance(got, asyncio.AbstractEventLoop):
        name = getattr(got, "__name__", "the function")
        return (
            f"You returned the function {name} itself, without calling it: add the parentheses, "
            "`return asyncio.get_running_loop()`, to return the loop it gives."
        )
    return fix


def _handle_fix(got: Any, method: str, fix: str) -> str:
    """`fix`, or, when schedule_soon/schedule_later returned a Task (a coroutine wrapped around the callback, handed
    to create_task), why that is not the handle: "return what call_soon returns" reads as a riddle to a student whose
    code never called it."""
    if not isinstance(got, asyncio.Future):
        return fix
    kind = "a Task, which runs a coroutine" if isinstance(got, asyncio.Task) else "a Future, which waits for a result"
    return (
        f"That is {kind}: a plain callback needs no coroutine around it. The loop schedules it itself,"
        f" `return asyncio.get_running_loop().{method}`, and gives back the handle that can cancel it."
    )


NO_DIRECT_CALL = {
    "schedule_soon": "Hand the loop the function itself and its arguments separately: loop.call_soon(callback,"
    " *args). Writing callback(*args) anywhere in schedule_soon, call_soon(callback(*args)) included, calls it"
    " right away.",
    "schedule_later": "Hand the loop the function itself and its arguments separately: loop.call_later(delay,"
    " callback, *args). Writing callback(*args) anywhere in schedule_later calls it right away, whatever the delay.",
}


class Recorder:
    """A callback that notes each call: its arguments, the loop's time, its thread and the student's line that made
    it (None when the loop did)."""

    def __init__(self, name: str = "callback", log: list | None = None) -> None:
        self.name = name
        self.calls: list[dict[str, Any]] = []
        self.log = log if log is not None else []

    def __call__(self, *args: Any) -> None:
        loop = asyncio._get_running_loop()  # None, not an exception, when a wrong solution calls us from a thread
        at = loop.time() if loop is not None else None
        self.calls.append({"args": args, "at": at, "thread": threading.get_ident(), "line": calling_line()})
        self.log.append(self.name)

    def __repr__(self) -> str:
        return self.name


async def settle(times: int = 3) -> None:
    """Let the loop run a few iterations: callbacks queued with call_soon run before we resume."""
    for _ in range(times):
        await asyncio.sleep(0)


def schedule(func: Callable, *args: Any, setting: str = "") -> Any:
    """Call the student's schedule_* function; a callback it called on the spot is a failure of its own. `setting`
    says where the call was made, when not in a coroutine (", called from a callback the loop ran,")."""
    recorders = [a for a in args if isinstance(a, Recorder)]
    try:
        handle = func(*args)
    except NotImplementedError:
        raise
    except Exception as error:
        if any(r.calls for r in recorders):
            _called_directly(func, args, setting)
        _loop_function_uncalled(func, args, error, setting)
        _kept_loop_closed(func, args, error, setting)
        _callback_for_the_delay(func, args, error)
        raise
    if asyncio.isfuture(handle) and not isinstance(handle, asyncio.Task):
        _let_a_thread_call(recorders)
    if any(r.calls for r in recorders):
        _called_directly(func, args, setting)
    loop = getattr(handle, "_loop", None)  # asyncio's handles keep their loop there, from 3.10 to 3.14
    if isinstance(handle, asyncio.Handle) and loop is not None and loop is not asyncio.get_running_loop():
        handle.cancel()
        fail(
            f"{call_repr(func, *args)} scheduled the callback on another event loop than the running one, a loop"
            " that nobody runs, so the callback never runs",
            expected="the callback is queued on the running loop, the one that runs the caller",
            fix=OTHER_LOOP_FIX[_asked_for(func)],
            at=CallIn(func, "new_event_loop", "get_event_loop"),
        )
    return handle


RAISED_ANOTHER = (
    "Let the RuntimeError of asyncio.get_running_loop() reach the caller as it is: an `except RuntimeError:` that"
    " raises another exception in its place changes what the caller has to catch."
)
OTHER_LOOP_FIX = {
    "new_event_loop": "Get the loop with asyncio.get_running_loop(): asyncio.new_event_loop() makes a new loop,"
    " which does not run just because it exists.",
    "get_event_loop": "Get the loop with asyncio.get_running_loop(): asyncio.get_event_loop() can hand back a loop"
    " that is set but not the one running.",
    None: "Ask asyncio.get_running_loop() in the function itself, on every call: a loop kept from before the call"
    " (got at import, in a global or a default argument) is not the loop that runs the caller now.",
}
"""How a schedule_* function that queued the callback on a loop nobody runs came by that loop."""


def _asked_for(func: Callable) -> str | None:
    """Which of new_event_loop and get_event_loop `func` calls itself; None when it calls neither (the loop was kept
    from before the call)."""
    return next((name for name in ("new_event_loop", "get_event_loop") if CallIn(func, name).found()), None)


THREAD_GRACE = 0.5
"""Seconds a future that schedule_* returned is given to have a thread call the callback: in that time a worker thread
runs it however busy the machine is, so the message does not depend on whether it had when the check looked."""


def _let_a_thread_call(recorders: list[Recorder]) -> None:
    """Wait, without running the loop, for another thread to call the callback: a future that schedule_* returned
    (`run_in_executor(None, callback)`) comes from a thread that calls it right away, and one failure says so each
    time, rather than "returned a Future" on the runs where the thread had not yet started."""
    deadline = time.monotonic() + THREAD_GRACE
    while not any(r.calls for r in recorders) and time.monotonic() < deadline:
        time.sleep(0.002)


def _callback_for_the_delay(func: Callable, args: tuple, error: Exception) -> None:
    """Fail when `func` (schedule_later) handed call_later the callback where the delay goes: asyncio's TypeError
    ("unsupported operand type(s) for +: 'float' and ...") names the loop's arithmetic and a class of the grader's."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if not isinstance(error, TypeError) or tb is None or tb.tb_frame.f_code.co_name not in ("call_later", "call_at"):
        return
    if not any(isinstance(value, Recorder) for value in tb.tb_frame.f_locals.values()):
        return
    fail(
        f"{call_repr(func, *args)} raised TypeError inside loop.{tb.tb_frame.f_code.co_name}: it was handed the"
        " callback where the delay goes",
        expected="loop.call_later(delay, callback, *args): the delay first, then the callback and its arguments",
        fix="Pass the delay first: loop.call_later(delay, callback, *args).",
        at=delay_handed_on(func),
    )


def _loop_function_uncalled(
    func: Callable,
    args: tuple,
    error: Exception,
    setting: str = "",
    expected: str = "the loop that asyncio.get_running_loop() returns when it is called",
) -> None:
    """Fail when `func` looked up call_soon or call_later on asyncio.get_running_loop itself, the parentheses
    forgotten (`asyncio.get_running_loop.call_soon(...)`): Python's "'builtin_function_or_method' object has no
    attribute 'call_soon'" names neither the function nor the parentheses."""
    function = getattr(error, "obj", None) if isinstance(error, AttributeError) else None  # set from 3.10 on
    name = getattr(function, "__name__", None)
    if not callable(function) or isinstance(function, type) or not isinstance(name, str):
        return
    fail(
        f"{call_repr(func, *args)}{setting} raised AttributeError: {error}: `{name}` is the function itself, not"
        f" called, and a function has no `{error.name}`",
        expected=expected,
        fix=f"Call it, with the parentheses: `asyncio.get_running_loop().{error.name}(...)`. Without them you have"
        " the function, not the running loop it gives.",
        at=where(error) or func,
    )


def _kept_loop_closed(func: Callable, args: tuple, error: Exception, setting: str = "") -> None:
    """Fail when `func` raised "Event loop is closed": the loop running the caller is open, so the student's code
    used a loop it kept from an earlier run (each check runs a loop of its own and closes it at its end). "Close a
    loop last", asyncio's general advice for that error, blames a close() they never wrote."""
    if not isinstance(error, RuntimeError) or str(error) != "Event loop is closed":
        return
    fail(
        f"{call_repr(func, *args)}{setting} raised RuntimeError: Event loop is closed: the loop it used is not the"
        " one running now but one kept from an earlier run, which closed it when that run ended",
        expected="the callback is queued on the running loop, the one that runs the caller",
        fix=_where_kept(error) + " Each run (each asyncio.run, each check) has a loop of its own: keep no loop"
        " for later, and ask asyncio.get_running_loop() at each call, which gives the loop that runs the caller.",
        at=where(error) or func,
    )


def _where_kept(error: BaseException) -> str:
    """Where the student's code kept the closed loop, in their own names when the frame that used it shows them: a
    global holding it, or a cached function (functools.cache, lru_cache) called on that line."""
    frame, line = callers_frame(error)
    names = frame.f_globals.items() if frame is not None else ()
    for name, value in names:
        if isinstance(value, asyncio.AbstractEventLoop) and value.is_closed():
            return f"`{name}` keeps a loop from an earlier run."
    for name, value in names:
        if hasattr(value, "cache_clear") and callable(value) and re.search(rf"\b{re.escape(name)}\s*\(", line):
            return (
                f"`{name}` is cached (functools.cache, lru_cache): every call gives back the loop of its first"
                " call, from an earlier run."
            )
    return "Your code kept a loop from an earlier run: in a global, a cache, a default argument or a class attribute."


def delay_handed_on(func: Callable) -> CallIn:
    """The student's line in `func` that hands the delay (and the callback) on to the loop: call_later or call_at."""
    return CallIn(func, "call_later", "call_at")


IN_THE_LOOPS_THREAD = "the callback is only queued, and runs in the event loop's own thread on a later iteration"
NO_OTHER_THREAD = (
    "Queue it on the running loop: loop.call_soon(callback, *args) (call_later(delay, ...) for schedule_later)."
    " run_in_executor, asyncio.to_thread or a thread of your own runs it elsewhere, right away."
)

ARGUMENTS_DROPPED = (
    "Pass the arguments on too, after the callback: {}. `*args` holds them, and the loop calls the"
    " callback with what it is given."
)


def in_another_thread(func: Callable, args: tuple) -> str:
    """The failure of a callback run by another thread. Whether that thread ran it before `func` returned is a race
    (an executor's first thread starts slowly on an idle machine), so the message does not say."""
    return f"{call_repr(func, *args)} had the callback called in another thread, not queued on the running loop"


def _called_directly(func: Callable, args: tuple, setting: str = "") -> None:
    calls = [call for value in args if isinstance(value, Recorder) for call in value.calls]
    if calls and all(call["thread"] != threading.get_ident() for call in calls):
        fail(in_another_thread(func, args), expected=IN_THE_LOOPS_THREAD, fix=NO_OTHER_THREAD, at=func)
    fail(
        f"{call_repr(func, *args)}{setting} called the callback itself, before returning",
        expected="the callback is only queued, and runs on a later iteration of the loop",
        fix=NO_DIRECT_CALL.get(getattr(func, "__name__", ""), NO_DIRECT_CALL["schedule_soon"]),
        at=next((call["line"] for call in calls if call["line"] is not None), func),
    )


@check("schedule_soon(callback, *args) queues callback(*args) on the running loop; it runs on a later iteration")
async def test_soon_runs_callback_later():
    log: list[str] = []
    first, second, third = Recorder("first", log), Recorder("second", log), Recorder("third", log)
    from_a_coroutine = schedule(ex.schedule_soon, first, "a", 1)
    # The loop's own call_soon in between: one queue holds both, first in, first out. A timer due at once
    # (call_later(0, ...)) would join that queue only when the loop next looks at its timers: after `second`.
    asyncio.get_running_loop().call_soon(second)
    schedule(ex.schedule_soon, third, None)
    await settle()
    expect(
        len(first.calls) == 1,
        f"after schedule_soon(first, 'a', 1) and a few loop iterations, first was called {len(first.calls)} times",
        expected="exactly once",
        fix="Schedule it with asyncio.get_running_loop().call_soon(callback, *args).",
        at=ex.schedule_soon,
    )
    got = first.calls[0]["args"]
    expect(got == ("a", 1), f"the callback was called with the arguments {got!r}", expected="('a', 1): callback(*args)",
           fix=ARGUMENTS_DROPPED.format("call_soon(callback, *args)") if got == () else
           "Pass the arguments on unpacked: call_soon(callback, *args), not call_soon(callback, args).",
           at=ex.schedule_soon)  # fmt: skip
    expect(first.calls[0]["thread"] == threading.get_ident(), in_another_thread(ex.schedule_soon, (first, "a", 1)),
           expected=IN_THE_LOOPS_THREAD, fix=NO_OTHER_THREAD, at=ex.schedule_soon)  # fmt: skip
    expect(
        log == ["first", "second", "third"],
        f"schedule_soon(first, ...), then the loop's own call_soon(second), then schedule_soon(third, None): the"
        f" callbacks ran in the order {log}",
        expected="['first', 'second', 'third']: call_soon queues a callback behind those already queued",
        fix=_queued_late_fix(),
        at=ex.schedule_soon,
    )
    await expect_scheduled_from_a_callback(log, from_a_coroutine)


def _queued_late_fix() -> str:
    """Why schedule_soon's callback ran behind one queued after it: what the student's code put in between."""
    if CallIn(ex.schedule_soon, "call_later", "call_at").found():
        return (
            "Queue it with loop.call_soon(callback, *args); a timer, even call_later(0, ...), joins the queue only"
            " when the loop next looks at its timers, behind the callbacks queued meanwhile."
        )
    if CallIn(ex.schedule_soon, "create_task", "ensure_future").found():
        return (
            "Queue the callback itself with loop.call_soon(callback, *args). A task's first step is what joins the"
            " queue, and the callback that step schedules joins it only when the step runs: behind the callbacks"
            " queued meanwhile."
        )
    return "Queue it with loop.call_soon(callback, *args): the loop runs its queue first in, first out."


FROM_A_CALLBACK = ", called from a callback the loop ran,"
"""The setting of a schedule_* call made from a plain callback: a loop runs, but no task."""


async def from_a_callback(func: Callable, *args: Any) -> Any:
    """What `func(*args)` returns when a plain callback the loop ran calls it, where no task runs, judged as
    `schedule` judges a call from a coroutine (its failure is raised here); the student's exception is told."""
    returned: list[Any] = []
    raised: list[Exception] = []

    def callback() -> None:
        try:
            returned.append(schedule(func, *args, setting=FROM_A_CALLBACK))
        except Exception as error:  # raised or told below, in the check's own frame
            raised.append(error)

    asyncio.get_running_loop().call_soon(callback)
    await settle()
    if raised and isinstance(raised[0], CheckFailure):
        raise raised[0]
    if raised:
        error = raised[0]
        fail(
            f"{call_repr(func, *args)}{FROM_A_CALLBACK} raised {type(error).__name__}: {error}",
            expected="the callback is queued on the running loop: a plain callback has no task, but the loop runs",
            fix="Ask asyncio.get_running_loop(), which works in any code the loop runs; asyncio.current_task() is"
            " None outside a task.",
            at=where(error) or func,
        )
    return returned[0] if returned else None


async def expect_scheduled_from_a_callback(log: list[str], from_a_coroutine: Any) -> None:
    """schedule_soon works in any code the loop runs: in a plain callback too, where no task is running, and returns
    there what it returned in a coroutine (`from_a_coroutine`); whether that is the right handle is
    test_soon_returns_handle's to judge."""
    fourth = Recorder("fourth", log)
    handle = await from_a_callback(ex.schedule_soon, fourth)
    expect(not isinstance(from_a_coroutine, asyncio.Handle) or isinstance(handle, asyncio.Handle),
           f"schedule_soon(fourth){FROM_A_CALLBACK} returned {handle!r}, where called from a coroutine it returned a"
           " handle", expected="an asyncio.Handle, the value loop.call_soon returns, wherever it is called from",
           fix=_handle_fix(handle, "call_soon(callback, *args)", "Return what loop.call_soon(callback, *args) returns,"
                           " in a callback as in a coroutine."), at=ex.schedule_soon)  # fmt: skip
    await settle()
    expect(len(fourth.calls) == 1, f"schedule_soon(fourth){FROM_A_CALLBACK} queued nothing",
           expected="the callback runs on a later iteration", at=ex.schedule_soon)  # fmt: skip


@check("schedule_soon returns the handle of the scheduled call, and cancelling it stops the call")
async def test_soon_returns_handle():
    callback = Recorder()
    handle = schedule(ex.schedule_soon, callback)
    expect(
        isinstance(handle, asyncio.Handle),
        f"schedule_soon(callback) returned {handle!r}",
        expected="an asyncio.Handle, the value loop.call_soon returns",
        fix=_handle_fix(handle, "call_soon(callback, *args)", "Return what loop.call_soon(callback, *args) returns."),
        at=ex.schedule_soon,
    )
    handle.cancel()
    await settle()
    expect(not callback.calls, "after handle.cancel(), the callback ran anyway",
           expected="the handle belongs to the scheduled call, so cancelling it stops the call",
           fix="Return the handle of the call_soon that schedules `callback`, not of another call.",
           at=CallIn(ex.schedule_soon, "call_soon"))  # fmt: skip


@check("schedule_later(delay, ...) returns a TimerHandle due `delay` seconds later on the loop's clock")
async def test_later_returns_timer_handle():
    loop = asyncio.get_running_loop()
    callback = Recorder()
    before = loop.time()
    handle = schedule(ex.schedule_later, 0.05, callback)
    after = loop.time()
    expect(
        isinstance(handle, asyncio.TimerHandle),
        f"schedule_later(0.05, callback) returned {handle!r}",
        expected="an asyncio.TimerHandle, the value loop.call_later returns",
        fix=_handle_fix(
            handle,
            "call_later(delay, callback, *args)",
            "Return what asyncio.get_running_loop().call_later(delay, callback, *args) returns.",
        ),
        at=ex.schedule_later,
    )
    # Waiting out the delay in schedule_later (time.sleep) and then scheduling at once gives a handle due at the
    # right moment: only how long the call took tells that it blocked the loop meanwhile.
    started = loop.time()
    probe = schedule(ex.schedule_later, BLOCKING_PROBE, Recorder())
    took = loop.time() - started
    if isinstance(probe, asyncio.Handle):
        probe.cancel()
    expect(
        took < BLOCKING_PROBE / 2,
        f"schedule_later({BLOCKING_PROBE}, callback) took {took:.2f} s to return: it waited out the delay itself,"
        " and the event loop could run nothing else meanwhile",
        expected="it returns at once, and the loop calls the callback once the delay is over",
        fix="Do not wait in schedule_later: loop.call_later(delay, callback, *args) schedules the call and returns"
        " its handle at once.",
        at=CallIn(ex.schedule_later, "time.sleep"),
    )
    expect_due(handle, 0.05, before, after)
    # More delays, each only looked at on its handle, then cancelled: none is waited for. A delay rounded,
    # given a floor, or read as milliseconds when it looks large is due at the wrong time for one of them.
    for delay in OTHER_DELAYS:
        before = loop.time()
        other = schedule(ex.schedule_later, delay, Recorder())
        after = loop.time()
        expect(
            isinstance(other, asyncio.TimerHandle),
            f"schedule_later({delay}, callback) returned {other!r}",
            expected="an asyncio.TimerHandle, the value loop.call_later returns",
            fix="Return what asyncio.get_running_loop().call_later(delay, callback, *args) returns, whatever the"
            " delay.",
            at=ex.schedule_later,
        )
        other.cancel()
        expect_due(other, delay, before, after)
    handle.cancel()
    await asyncio.sleep(max(0.0, handle.when() - loop.time()) + 0.02)
    expect(not callback.calls, "after handle.cancel(), the callback ran anyway",
           expected="the handle belongs to the scheduled call, so cancelling it stops the call",
           fix="Return the handle of the call_later that schedules `callback`, not of another call.",
           at=CallIn(ex.schedule_later, "call_later", "call_at"))  # fmt: skip
    # From a plain callback too, where no task runs: a delay of 0 still only sets a timer.
    timer = await from_a_callback(ex.schedule_later, 0, Recorder())
    expect(isinstance(timer, asyncio.TimerHandle), f"schedule_later(0, callback){FROM_A_CALLBACK} returned {timer!r}",
           expected="an asyncio.TimerHandle, the value loop.call_later returns, wherever it is called from",
           fix=_handle_fix(timer, "call_later(delay, callback, *args)", "Return what loop.call_later(delay, callback,"
                           " *args) returns, in a callback as in a coroutine, whatever the delay."),
           at=ex.schedule_later)  # fmt: skip
    timer.cancel()


WALL_CLOCK = (
    "call_at takes a point on the loop's own clock, loop.time(), not on the wall clock of time.time() (seconds since"
    " 1970), which the loop's clock is nowhere near: use loop.call_later(delay, callback, *args), or"
    " loop.call_at(loop.time() + delay, ...)."
)


def on_the_wall_clock(handle: Any, delay: float, called_at: float) -> bool:
    """Whether `handle`, from a schedule_later(delay, ...) called at loop time `called_at`, is due at time.time() +
    delay: a point on the wall clock handed to call_at, far in the future of the loop's clock."""
    if not isinstance(handle, asyncio.TimerHandle):
        return False
    ahead = time.time() - asyncio.get_running_loop().time()  # how far the wall clock is ahead of the loop's
    return abs(handle.when() - called_at - delay - ahead) < 1.0


OTHER_DELAYS = (0, 0.123, 2.5)
"""Delays whose handles the timer check reads besides 0.05 s: none, one with three decimals, one over a second."""


def expect_due(handle: asyncio.TimerHandle, delay: float, before: float, after: float) -> None:
    """Fail unless `handle`, returned by a schedule_later(delay, ...) called between loop times `before` and
    `after`, is due `delay` seconds after the call."""
    when = handle.when()
    if when < before - 0.001:
        # The loop's clock counts from an arbitrary origin (often the machine's uptime): a delay taken for a point
        # in time lies far in the past, and "due -30498.8 s from the call" would say so in the hardest way.
        happened = (
            f"schedule_later({delay}, callback) returned a handle due at loop time {when:.3f}, which had already"
            f" passed (the loop's clock was at {before:.1f})"
        )
        fix = "Use loop.call_later(delay, ...): call_at takes a point in time on the loop's clock, call_later a delay."
    elif on_the_wall_clock(handle, delay, before):
        happened = (
            f"schedule_later({delay}, callback) returned a handle due {when - before:.0f} s after the call, on the"
            f" loop's clock: at time.time() + {delay}, a point on the wall clock"
        )
        fix = WALL_CLOCK
    elif delay >= 0.01 and delay * 1000 - 1 <= when - before <= delay * 1000 + 1:
        happened = (
            f"schedule_later({delay}, callback) returned a handle due {when - before:.3f} s after the call, on the"
            " loop's clock: 1000 times the delay, as if it were in milliseconds"
        )
        fix = "call_later counts in seconds, as asyncio.sleep does: pass `delay` on as it is, not times 1000."
    else:
        happened = (
            f"schedule_later({delay}, callback) returned a handle due {when - before:.3f} s after the call, on the"
            " loop's clock"
        )
        fix = (
            "Pass the `delay` you were given on as it is: loop.call_later(delay, callback, *args), not a fixed,"
            " rounded or otherwise changed time."
        )
    expect(
        before + delay - 0.001 <= when <= after + delay + 0.001,
        happened,
        expected=f"due {delay} s after the call: call_later(delay, ...) counts from now",
        fix=fix,
        at=delay_handed_on(ex.schedule_later),
    )


@check("schedule_later calls each callback with its arguments, not before its delay, and in order of due time")
async def test_later_runs_after_delay_in_order():
    loop = asyncio.get_running_loop()
    log: list[str] = []
    plan = {"slow": 0.06, "quick": 0.02, "middle": 0.04}
    recorders, due, handles, called_by = {}, {}, {}, {}
    for name, delay in plan.items():
        recorders[name] = Recorder(name, log)
        due[name] = loop.time() + delay
        handles[name] = schedule(ex.schedule_later, delay, recorders[name], name)
        called_by[name] = loop.time() + delay
    # Handles due at time.time() + delay fall due in decades, not in 2 s: no need to wait for them to say so.
    wall_clock = all(on_the_wall_clock(handles[name], plan[name], due[name] - plan[name]) for name in plan)
    deadline = loop.time() + (0.0 if wall_clock else 2.0)
    while len(log) < len(plan) and loop.time() < deadline:
        await asyncio.sleep(0.01)
    # The order the callbacks fell due in, from their handles where those are due `delay` after the call: a machine
    # that pauses 20 ms between two of the calls above makes 'slow' fall due before 'middle', and a right solution
    # then runs it first. Any other handle says nothing, and the moment of the call stands in for it.
    when = {
        name: handle.when()
        if isinstance(handle, asyncio.TimerHandle) and due[name] - 0.001 <= handle.when() <= called_by[name] + 0.001
        else due[name]
        for name, handle in handles.items()
    }
    in_due_order = sorted(plan, key=when.__getitem__)
    expect(log, "none of the callbacks due after 0.06, 0.02 and 0.04 s ran: their handles are due at time.time() +"
           " delay, decades ahead on the loop's clock" if wall_clock else
           "none of the callbacks due after 0.06, 0.02 and 0.04 s had run 2 s later",
           expected=f"{in_due_order}: each one when its delay is over", fix=WALL_CLOCK if wall_clock else
           "Pass each call's own `delay` on, in seconds: loop.call_later(delay, callback, *args).",
           at=delay_handed_on(ex.schedule_later))  # fmt: skip
    as_scheduled = log == list(plan) != in_due_order
    expect(
        log == in_due_order,
        f"callbacks due after 0.06, 0.02 and 0.04 s ran in the order {log}"
        + (", the order they were scheduled in, as if their delays were all the same" if as_scheduled else ""),
        expected=f"{in_due_order}: each one when its delay is over",
        fix="Pass each call's own `delay` on: loop.call_later(delay, callback, *args)."
        if as_scheduled
        else "Schedule with loop.call_later(delay, callback, *args).",
        at=ex.schedule_later,
    )
    for name, recorder in recorders.items():
        call = recorder.calls[0]
        named = f"the callback named {name!r}"
        expect(call["args"] == (name,), f"{named} was called with {call['args']!r}", expected=f"({name!r},)",
               fix=ARGUMENTS_DROPPED.format("call_later(delay, callback, *args)") if call["args"] == () else
               "Pass the arguments on unpacked: call_later(delay, callback, *args).", at=ex.schedule_later)  # fmt: skip
        expect(call["thread"] == threading.get_ident(), f"{named} ran in another thread",
               expected="it runs in the event loop's own thread", fix="Schedule it on the running loop,"
               " loop.call_later(delay, callback, *args): a threading.Timer, or any other thread, calls it outside the"
               " event loop.",
               at=ex.schedule_later)  # fmt: skip
        early = due[name] - call["at"]
        expect(early <= 0.001, f"{named}, due after {plan[name]} s, ran {early:.3f} s early",
               expected="not before its delay is over", fix="Use loop.call_later(delay, callback, *args).",
               at=ex.schedule_later)  # fmt: skip


@contextmanager
def idle_current_loop() -> Iterator[asyncio.AbstractEventLoop]:
    """A loop set as this thread's current loop but not running: what get_event_loop() would hand back."""
    loop = asyncio.new_event_loop()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def call_outside(func: Callable, *args: Any) -> tuple[Any, BaseException | None]:
    """(what `func(*args)` returned, what it raised); the stub's NotImplementedError goes on to the plugin."""
    try:
        return func(*args), None
    except NotImplementedError:
        raise
    except Exception as error:
        return None, error


@pytest.fixture
def loops(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopSpy]:
    spy = spy_on_loops(monkeypatch, ex)
    with loop_state_guard(spy):
        yield spy


def _expect_no_loop_made(
    spy: LoopSpy, made_before: int, call: str, func: Callable, *, expected: str, fix: str, returned: Any = None
) -> None:
    made = spy.created[made_before:]
    if made:
        # Which call made the loop shows in what it left behind: get_event_loop() sets the loop it creates as the
        # current one, new_event_loop() does not. The fix names the call the student made, not one they never wrote.
        if current_loop() is made[-1]:
            happened = f"{call}, run with no event loop anywhere, created a new event loop and set it as current"
            cause = " asyncio.get_event_loop() creates a loop when none is set, and nobody runs it."
        else:
            happened = f"{call}, run with no event loop anywhere, created a new event loop"
            happened += " and returned it" if returned is made[-1] else ""
            cause = " A loop made with asyncio.new_event_loop() is not running, and nobody runs it."
        fail(happened, expected=expected, fix=fix + cause, at=loop_asked(func))
    expect(current_loop() is None, f"{call}, run with no event loop anywhere, set a current event loop",
           expected="no loop is set", fix=fix, at=loop_asked(func))  # fmt: skip


def loop_asked(func: Callable) -> CallIn:
    """The student's line in `func` that asks asyncio for a loop: where a loop that was not running came from."""
    return CallIn(func, "get_event_loop", "new_event_loop", "get_running_loop")


IN_ANOTHER_THREAD = "in another thread, while a loop ran in this one"
"""The setting of a call made from a thread of its own while the check's loop runs (`_then_in_another_thread`)."""


def _returned_instead_of_raising(got: Any, earlier: asyncio.AbstractEventLoop, setting: str) -> tuple[str, str]:
    """What a schedule_* call that returned with no loop running did, and its fix. A handle means the callback was
    queued on a loop nobody runs (get_event_loop's, or `earlier`, one the function kept from a call while it ran);
    None (from an `except RuntimeError: return None` copied from running_loop_or_none, say) means nothing was
    scheduled and the caller cannot tell."""
    if isinstance(got, asyncio.Handle) and getattr(got, "_loop", None) is earlier:
        where = (
            "another thread's loop, which is not safe to touch from here"
            if setting == IN_ANOTHER_THREAD
            else ("the loop of an earlier call, which no longer runs")
        )
        return f"the callback was scheduled on {where}", (
            "Ask asyncio.get_running_loop() afresh on every call, not a loop kept from before (in a global or a"
            " default argument): whether it is closed or still running says nothing about whether it runs the"
            " caller. get_running_loop() raises RuntimeError when no loop is running."
        )
    if isinstance(got, asyncio.Handle):
        return "the callback was scheduled on a loop that is not running", (
            USE_RUNNING_LOOP + " asyncio.get_event_loop() hands back a loop even when none runs."
        )
    if got is None:
        return "nothing was scheduled, and the caller is not told", (
            USE_RUNNING_LOOP + " Let that RuntimeError reach the caller: no `except` around it here (only"
            " running_loop_or_none returns None)."
        )
    return "it did not raise", USE_RUNNING_LOOP


async def _then_in_another_thread(func: Callable, *args: Any) -> tuple[Any, BaseException | None]:
    """One call while this loop runs (a loop the function keeps is then there to hand out), then what a call from
    another thread, where no loop runs, returns and raises."""
    await _called_in_a_loop(lambda: func(*(Recorder() if isinstance(a, Recorder) else a for a in args)))
    return await asyncio.to_thread(call_outside, func, *args)


NOT_RUNNING_RAISES = "RuntimeError, as asyncio.get_running_loop() raises when no loop is running"


@check("with no loop running, schedule_soon and schedule_later raise RuntimeError and create no loop")
def test_raises_outside_a_running_loop(loops: LoopSpy):
    callback = Recorder()
    for func, args in ((ex.schedule_soon, (callback, 1)), (ex.schedule_later, (0.01, callback, 1))):
        call = call_repr(func, *args)
        # A loop that ran a call and is still open, not running: one the function kept must not be handed out.
        earlier = asyncio.new_event_loop()
        try:
            returned_thread, raised_thread = earlier.run_until_complete(_then_in_another_thread(func, *args))
            with fresh_policy():
                made_before = len(loops.created)
                returned, raised = call_outside(func, *args)
                _expect_no_loop_made(
                    loops,
                    made_before,
                    call,
                    func,
                    expected="no loop is created: there is no running loop, so there is nothing to schedule on",
                    fix=USE_RUNNING_LOOP,
                    returned=returned,
                )
            with idle_current_loop():
                returned_idle, raised_idle = call_outside(func, *args)
        finally:
            earlier.close()
        for got, error, setting in ((returned, raised, "with no loop at all"),
                                    (returned_idle, raised_idle, "with a loop set but not running"),
                                    (returned_thread, raised_thread,
                                     IN_ANOTHER_THREAD)):  # fmt: skip
            if error is not None:
                _loop_function_uncalled(func, args, error, f" {setting}", NOT_RUNNING_RAISES)
            if error is None:
                happened, fix = _returned_instead_of_raising(got, earlier, setting)
                fail(
                    f"{call} {setting} returned {got!r}: {happened}",
                    expected=NOT_RUNNING_RAISES,
                    fix=fix,
                    at=loop_asked(func),
                )
            if raised_by_input(error):
                raise error
            expect(isinstance(error, RuntimeError), f"{call} {setting} raised {type(error).__name__}: {error}",
                   expected="RuntimeError", fix=RAISED_ANOTHER if isinstance(error.__context__, RuntimeError)
                   else USE_RUNNING_LOOP, at=where(error) or func)  # fmt: skip


@check("running_loop_or_none() gives the running loop, in a coroutine and in a callback")
async def test_running_loop_or_none_inside():
    loop = asyncio.get_running_loop()
    got = ex.running_loop_or_none()
    overruled = return_in_finally(ex.running_loop_or_none) if got is None else None
    expect(got is loop, f"called in a coroutine, running_loop_or_none() returned {got!r}",
           expected="the running loop, the one running this coroutine",
           fix=OVERRULED_BY_FINALLY if overruled else _call_it(got, "Return asyncio.get_running_loop()."),
           at=overruled or ex.running_loop_or_none)  # fmt: skip
    seen = []
    loop.call_soon(lambda: seen.append(ex.running_loop_or_none()))
    await settle()
    expect(seen and seen[0] is loop, f"called in a callback the loop ran, running_loop_or_none() returned "
           f"{seen[0] if seen else None!r}", expected="the running loop: a callback has no task, but the "
           "loop is running",
           fix=_call_it(seen[0] if seen else None,
                        "Return asyncio.get_running_loop(); it works in any code the loop calls."),
           at=ex.running_loop_or_none)  # fmt: skip


async def _called_in_a_loop(func: Callable[[], Any]) -> None:
    """One call while a loop runs, before the calls where none does: a loop the function keeps (in a global) is then
    there to return, whichever check ran first. What the call gives is the other check's to judge."""
    try:
        func()
    except NotImplementedError:
        raise
    except Exception:  # judged by test_running_loop_or_none_inside
        pass


@check("with no loop running, running_loop_or_none() returns None and creates no loop")
def test_running_loop_or_none_outside(loops: LoopSpy):
    call = "running_loop_or_none()"
    main_loop = asyncio.new_event_loop()
    try:
        got_thread, error_thread = main_loop.run_until_complete(_then_in_another_thread(ex.running_loop_or_none))
    finally:
        main_loop.close()
    with fresh_policy():
        made_before = len(loops.created)
        got, error = call_outside(ex.running_loop_or_none)
        _expect_no_loop_made(
            loops,
            made_before,
            call,
            ex.running_loop_or_none,
            expected="no loop is created: running_loop_or_none() only reports that no loop is running, by"
            " returning None",
            fix="Ask asyncio.get_running_loop(), which never creates a loop, and return None when it raises"
            " RuntimeError.",
            returned=got,
        )
    with idle_current_loop():
        got_idle, error_idle = call_outside(ex.running_loop_or_none)
    for value, raised, setting in ((got, error, "with no loop at all"),
                                   (got_idle, error_idle, "with a loop set but not running"),
                                   (got_thread, error_thread,
                                    IN_ANOTHER_THREAD)):  # fmt: skip
        if raised is not None:
            fail(f"{call} {setting} raised {type(raised).__name__}: {raised}", expected="None",
                 fix=_raised_fix(raised), at=where(raised) or ex.running_loop_or_none)  # fmt: skip
        loop_or_function = value is None or isinstance(value, asyncio.AbstractEventLoop) or callable(value)
        other_threads = main_loop if setting == IN_ANOTHER_THREAD else None
        shown = "the loop of the other thread" if value is other_threads else repr(value)
        expect(value is None, f"{call} {setting} returned {shown}", expected="None: no loop is running",
               fix=_kept_loop_fix(value, other_threads) or _call_it(value, USE_RUNNING_LOOP) if loop_or_function else
               f"Return None itself, not {value!r}, when get_running_loop() raises RuntimeError: `except"
               " RuntimeError: return None`.", at=ex.running_loop_or_none)  # fmt: skip


def _raised_fix(raised: BaseException) -> str:
    """The fix for running_loop_or_none raising where no loop runs."""
    if isinstance(raised, NameError):
        # A name bound only in the `try:` (`loop = asyncio.get_running_loop()`, then `except RuntimeError: pass`
        # and `return loop`): the RuntimeError was caught, and the fix is where None is returned.
        return (
            "Return None in the `except RuntimeError:` block itself: a name assigned only in the `try:` has no value"
            " once get_running_loop() has raised."
        )
    if CallIn(ex.running_loop_or_none, "current_task").found() is not None and "running event loop" in str(raised):
        return (
            "asyncio.current_task() raises RuntimeError too where no loop runs, and says None in a plain callback,"
            " where a loop does run: ask asyncio.get_running_loop() itself, and return None when it raises"
            " RuntimeError."
        )
    return "Catch the RuntimeError that asyncio.get_running_loop() raises and return None."


def _kept_loop_fix(value: Any, other_threads: asyncio.AbstractEventLoop | None = None) -> str | None:
    """The fix when running_loop_or_none, with no loop running, returned a loop that it did not make (the check has
    just shown that it made none) and that is not the current one: a loop kept from before the call, in a global
    or a default argument (or `other_threads`, running in another thread while it was called)."""
    if not isinstance(value, asyncio.AbstractEventLoop) or value is current_loop():
        return None
    state = (
        "running, but in another thread"
        if value is other_threads
        else "closed now"
        if value.is_closed()
        else "not running now"
    )
    return (
        f"That loop was kept from before the call ({state}), in a global or a default argument: ask"
        " asyncio.get_running_loop() afresh on every call, and return None when it raises RuntimeError."
    )
