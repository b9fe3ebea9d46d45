"""Exercise 01: futures. Every check runs inside a running event loop (pytest-asyncio)."""

import ast
import asyncio
import contextlib
import inspect
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from grader.asyncio_mistakes.frames import raise_statement
from grader.except_clauses import line_entered
from grader.model import Location
from grader.probes.calls import await_call
from grader.probes.futures import (
    Asked,
    Settled,
    count_ticks_while,
    setter_problem,
    settled_at,
    settling,
    sleeps_asked,
    wake_sleepers,
)
from grader.suites.future_mistakes import (
    async_def,
    expect_a_future,
    never_set,
    plain_function,
    returned_a_task,
    uncalled_state_test,
)
from grader.suites.future_waits import (
    CONFIRM,
    DELAY,
    HURRY,
    LATE,
    MIN_TICKS,
    NOT_BLOCKING,
    blocked_fail,
    new_tasks,
    outcome,
    settle,
    tasks_started,
    waited_twice,
)
from grader.testing import (
    CallIn,
    CheckFailure,
    _Source,
    call_repr,
    check,
    coroutine_function_as_callback,
    expect,
    expect_default,
    fail,
    name_of,
    student,
    value_repr,
    where,
)

ex = student("exercises.ex01_futures")
ROOT = Path(ex.__file__).parent.parent  # as the student frames name it: LoopWatch resolves links itself

WAITS_A_SECOND = "a call without `delay` waits one second, as in the lesson"
SAME_VALUE = "Pass `value` on to set_future_value and set exactly that as the result."
OWN_DELAY = "Sleep for the `delay` given to the call, passed on to the task: not a fixed time, not a default."

OVERLAPPING = 5
"""Requests awaited together: one after another they take at least 5 * DELAY, whatever the machine."""
OVERLAP_LIMIT = 4 * DELAY
"""Under the 5 * DELAY that requests one after another cannot beat, and 0.15 s of slack for a correct solution."""
TIMED_OUT = 12 * DELAY
"""Seconds a check whose claim is about time waits for a request of DELAY: past its limit (10 * DELAY at most) it
fails whenever the request ends, so waiting longer would only keep the student waiting."""
TWICE = (
    "Wait once, `await asyncio.sleep(delay)` just before setting the future: a task that sleeps `delay` and then"
    " calls a coroutine that sleeps `delay` again waits twice as long."
)
FUTURE = "an asyncio future, e.g. asyncio.get_running_loop().create_future()"


def state_of(future: asyncio.Future) -> str:
    """A future's state in words, for a message: "still pending", "set to 7"."""
    if not future.done():
        return "still pending: nothing had set its result"
    if future.cancelled():
        return "cancelled"
    if future.exception() is not None:
        return f"failed with {future.exception()!r}"
    return f"set to {future.result()!r}"


async def requested_from(
    value: Any, delay: float, timeout: float = 2, hurry: float | None = None, spent: list[float] | None = None
) -> tuple[object, Any]:
    """What `make_request(value, delay)` returned, and what awaiting it gave; an error in the task the call started
    is raised as soon as it happens. `hurry` as for `outcome`; the loop-clock seconds the call of make_request itself
    took are appended to `spent`, when given."""
    before = asyncio.all_tasks()
    called = asyncio.get_running_loop().time()
    future = ex.make_request(value, delay)
    if spent is not None:
        spent.append(asyncio.get_running_loop().time() - called)
    if asyncio.isfuture(future) and future.get_loop() is asyncio.get_running_loop():
        tasks = new_tasks(before)
        waited = await outcome(future, tasks, timeout, hurry=hurry)
        never_set(future, tasks, call_repr(ex.make_request, value, delay), waited, delay=delay)
        return future, future.result()
    coroutine = inspect.iscoroutine(future)
    if not coroutine:
        expect_a_future(ex.make_request, future, call_repr(ex.make_request, value, delay), FUTURE)
    got = await asyncio.wait_for(future, timeout=timeout)
    if coroutine and asyncio.isfuture(got):  # an async def that returns the future: awaiting its call gave that
        got.cancel()
        async_def(ex.make_request, value, delay)
    return future, got


@check("make_request returns a future of the running loop that is not done yet")
async def test_returns_pending_future():
    before = asyncio.all_tasks()
    future = ex.make_request(42, 0.01)
    plain_function(ex.make_request, future, 42, 0.01)
    expect_a_future(ex.make_request, future, call_repr(ex.make_request, 42, 0.01), FUTURE)
    expect(
        not future.done(),
        "the future was already done when make_request returned",
        expected="a future that is set later, by a task, after `delay` seconds",
        fix="Do not set the result in make_request itself: schedule set_future_value(...) with asyncio.create_task.",
        at=ex.make_request,
    )
    # The claim is about what make_request returned, so a set_future_value not written yet, or one that raises, is
    # judged by the checks after this one, and a student halfway through earns this point. The task still has to
    # end: an endless loop in it times out here too, and leaves the exercise at zero.
    await task_ended(future, new_tasks(before))
    # No delay is no shortcut: the future is still one that a task sets, on a later turn of the loop.
    before = asyncio.all_tasks()
    at_once = ex.make_request(42, 0)
    expect(
        not at_once.done(),
        "make_request(42, 0) returned a future that was already done",
        expected="a future that is not done yet, even with a delay of 0: the task sets it on a later turn of the loop",
        fix="Handle every delay the same way, 0 included: no `if delay <= 0:` that sets the result at once;"
        " schedule set_future_value(...) with asyncio.create_task and return the future.",
        at=ex.make_request,
    )
    await task_ended(at_once, new_tasks(before))


async def task_ended(future: asyncio.Future, tasks: set) -> None:
    """Wait for the task that make_request started to end, whatever its error: set_future_value's own checks judge
    that (a helper's name shadowed by a parameter, say), not the check of what make_request returned."""
    try:
        await outcome(future, tasks, hurry=HURRY)
    except CheckFailure:
        raise
    except Exception:
        pass


def callback_instead_of_task(func: Any) -> tuple[str, Location] | None:
    """("call_later", its line) when `func`, which scheduled no task, calls one of the loop's methods that schedule
    a plain function: the future is then set by a callback, not by the task the exercise asks for."""
    for method in ("call_later", "call_at", "call_soon", "call_soon_threadsafe"):
        if (line := CallIn(func, method).found()) is not None:
            return method, line
    return None


@check("make_request schedules a task that sets the future")
async def test_schedules_a_task():
    before = asyncio.all_tasks()
    future = ex.make_request("value", 0.01)
    plain_function(ex.make_request, future, "value", 0.01)
    tasks = await tasks_started(before, future)
    if not tasks and (handed := coroutine_function_as_callback(ex.make_request)) is not None:
        scheduler, callback, line = handed
        fail(
            f"make_request scheduled no task: {scheduler}({callback}, ...) calls {callback} as a plain function,"
            f" and calling an async def function only makes a coroutine object, which nothing runs",
            expected="asyncio.create_task(set_future_value(future, value, delay))",
            fix=f"{scheduler.rsplit('.', 1)[-1]} is for plain functions (callbacks); a coroutine runs as a task:"
            " asyncio.create_task(set_future_value(future, value, delay)).",
            at=line or ex.make_request,
        )
    if not tasks and (timer := callback_instead_of_task(ex.make_request)) is not None:
        fail(
            f"make_request scheduled no task: loop.{timer[0]}(...) schedules a plain function (a callback), not a"
            " task running set_future_value",
            expected="asyncio.create_task(set_future_value(future, value, delay))",
            fix="Schedule the coroutine as a task: asyncio.create_task(set_future_value(future, value, delay)); it"
            " waits with `await asyncio.sleep(delay)`, then sets the result, as the lesson's futures are set.",
            at=timer[1],
        )
    expect(
        tasks,
        "make_request scheduled no task",
        expected="asyncio.create_task(set_future_value(future, value, delay))",
        fix="A future is set by someone else: here, a task running set_future_value.",
        at=ex.make_request,
    )
    pending = "a pending future, for the task to set"
    expect_a_future(ex.make_request, future, call_repr(ex.make_request, "value", 0.01), pending)
    expect(
        not future.done(),
        f"{call_repr(ex.make_request, 'value', 0.01)} returned {future!r}",
        expected=pending,
        at=ex.make_request,
    )
    # The same request again while the first is pending: a request of its own, not the first one's future shared.
    before_again = asyncio.all_tasks()
    again = ex.make_request("value", 0.01)
    expect(
        again is not future and await tasks_started(before_again, again),
        f"{call_repr(ex.make_request, 'value', 0.01)}, called again while the first was pending, "
        + ("returned the same future and scheduled no task" if again is future else "scheduled no task"),
        expected="each call creates a future of its own and schedules a task that sets it",
        fix="Create the future and its task inside make_request, at every call: no future kept from an earlier call"
        " (in a dict or a global) and handed out again. Callers each expect a request of their own; one who cancels"
        " a shared future cancels the other's too.",
        at=ex.make_request,
    )
    with settling(future) as settled:
        waited = await outcome(future, tasks, hurry=HURRY)
    never_set(future, tasks, call_repr(ex.make_request, "value", 0.01), waited, delay=0.01)
    if asyncio.isfuture(again):
        await asyncio.wait({again}, timeout=HURRY)
    await expect_cancel_tolerated(ex.make_request, "dropped", exempt=ex.set_future_value)
    problem = setter_problem(settled, before)
    if problem is not None:
        handed_on = handed_on_by_a_task(settled, tasks)
        shielded(ex.make_request, problem, handed_on)
        fail(
            problem + (", although make_request did schedule a task" if handed_on else ""),
            expected="a task that make_request scheduled, running set_future_value, sets the result",
            fix=SET_IN_THE_TASK.format(setter="set_result(value)", coroutine="set_future_value")
            if handed_on
            else "Schedule the coroutine as a task: asyncio.create_task(set_future_value(future, value, delay)). "
            "A timer or done callback that sets the future is not a task awaiting asyncio.sleep.",
            at=ex.set_future_value if handed_on else ex.make_request,
        )
    await future


async def expect_cancel_tolerated(request: Callable[..., Any], given: object, exempt: Any = None) -> None:
    """A request its caller cancels while the task sleeps ends quietly: the task that `request(given, 1.0)`
    scheduled leaves a done future alone, asking after its sleep. An error raised in `exempt`'s code (the student's
    set_future_value) is left to the check of set_future_value itself: one mistake, one check. A delay of a second,
    which `wake_sleepers` cuts short: the cancel comes long before it is over, however busy the machine."""
    before = asyncio.all_tasks()
    future = request(given, 1.0)
    tasks = await tasks_started(before, future)
    if not asyncio.isfuture(future) or future.done() or not tasks:
        return  # the rest of the check tells what is wrong with that
    await its_first_steps()
    future.cancel()
    wake_sleepers(tasks)
    await asyncio.wait(tasks, timeout=HURRY)
    shown = call_repr(request, given, 1.0)
    for task in tasks:
        if task.done() and not task.cancelled() and (error := task.exception()) is not None:
            if exempt is not None and line_entered(error, exempt) is not None:
                return
            fail(
                f"the future of {shown}, cancelled by its caller while the task slept, made that task raise"
                f" {type(error).__name__}: {error}",
                expected="the task leaves a future that is done already alone, and raises nothing",
                fix="Ask future.done() after the sleep, just before setting the future, as set_future_value does:"
                " asked before the sleep only, it misses a cancel that comes while the task sleeps.",
                at=where(error) or request,
            )


SET_IN_THE_TASK = (
    "Set the future in the task itself: call future.{setter} in {coroutine}, right after `await asyncio.sleep(delay)`,"
    " not through loop.call_soon, call_soon_threadsafe, call_later or a done callback, which run outside every task"
    " (call_soon_threadsafe is for code in other threads)."
)


def shielded(func: Any, problem: str, handed_on: bool) -> None:
    """Fail with the fix for a future returned through asyncio.shield: the caller's future is then another one,
    which a done callback of the task's future sets, and "set it in the task" would repeat what the student did."""
    __tracebackhide__ = True
    at = CallIn(func, "shield").found() if handed_on else None
    if at is None:
        return
    fail(
        f"{problem}: {name_of(func)} returned asyncio.shield(...) of its future, another future, which a done callback"
        " of the first one sets",
        expected=f"the very future that the task {name_of(func)} scheduled sets",
        fix="Return the future itself: the caller awaits it, and cancelling it is how the caller gives up on the"
        " request. asyncio.shield is for a caller that wants to await something without cancelling it.",
        at=at,
    )


def handed_on_by_a_task(settled: list[Settled], tasks: set[asyncio.Task]) -> bool:
    """Whether a callback set the future although the student's call did schedule a task: the task (or something
    else) handed the setting on, so "schedule a task" would tell the student to do what they did."""
    return bool(tasks) and bool(settled) and settled[0].task is None


async def expect_value(value: Any, request: Awaitable[tuple[object, Any]]) -> None:
    """Awaiting the future of make_request(value, 0.01), which `request` gives, gave `value` itself."""
    try:
        returned, got = await request
    except Exception as raised:
        if raised is not value:
            raise
        fail(
            f"await {call_repr(ex.make_request, value, 0.01)} raised the {type(value).__name__} it was given as"
            " its value",
            expected=f"{value!r} itself as the future's result: awaiting make_request(value) gives back the value,"
            " whatever it is, an exception object too",
            fix="set_future_value always calls future.set_result(value); only make_failing_request's future ends"
            " with future.set_exception(exc).",
            at=where(raised) or ex.set_future_value,
        )
    if got is not value:
        returned_a_task(ex.make_request, returned, got, f"{value!r}, the value set_future_value sets on the future")
    copied = _equal(got, value)
    expect(
        got is value,
        f"await {call_repr(ex.make_request, value, 0.01)} gave "
        + (f"a copy of {value!r}, equal to it but another object" if copied else repr(got)),
        expected=f"{value!r}, the very object passed as value" if copied else repr(value),
        fix=SAME_VALUE + (" A copy (copy.copy, copy.deepcopy, list(value)) is another object." if copied else ""),
        at=ex.set_future_value,
    )


def _equal(got: object, value: object) -> bool:
    """Whether `got` equals `value` without being it (student objects may compare in any way, or raise)."""
    try:
        return got is not value and bool(got == value)
    except Exception:
        return False


@check("awaiting make_request(value) gives that value")
async def test_future_resolves_to_value():
    values = ("hello", [1, 2, 3], None, LookupError("a value like any other"))
    # All at once, then judged in turn: a set_future_value that sleeps a fixed second costs one second, not four.
    requests = [asyncio.ensure_future(requested_from(value, 0.01, hurry=HURRY)) for value in values]
    try:
        for value, request in zip(values, requests, strict=True):
            await expect_value(value, request)
    finally:
        settle(requests)
    await expect_default_delay(ex.make_request, "x", "make_request(value, delay: float = 1.0)")


async def expect_default_delay(make: Callable[..., Any], first: Any, signature: str) -> None:
    """Fail unless a call of `make` without `delay` waits one second. Read from the signature; for a default of None
    (which the body may turn into one second), from the timers the call's task schedules on the loop: one due about
    a second later, and the future still pending, say it waits; no second is spent finding out."""
    expect_default(make, "delay", 1.0, signature, WAITS_A_SECOND)
    try:
        parameter = inspect.signature(make).parameters.get("delay")
    except (TypeError, ValueError):  # a signature that cannot be read: expect_default let it be
        return
    loop = asyncio.get_running_loop()
    if parameter is not None and parameter.default is None and hasattr(loop, "_scheduled"):
        await _expect_a_second_for_none(make, first, signature, loop)


async def _expect_a_second_for_none(
    make: Callable[..., Any], first: Any, signature: str, loop: asyncio.AbstractEventLoop
) -> None:
    before, timers_before = asyncio.all_tasks(), set(loop._scheduled)
    asked = loop.time()
    future = make(first)
    if not asyncio.isfuture(future):  # what else it returned is the business of the checks that await it
        if inspect.iscoroutine(future):
            future.close()
        return
    for _ in range(5):  # the task's first steps, up to its sleep
        await asyncio.sleep(0)
    due = [t.when() - asked for t in loop._scheduled if t not in timers_before and not t.cancelled()]
    waits = not future.done() and any(0.5 <= seconds <= 2.0 for seconds in due)
    for task in new_tasks(before):
        task.cancel()
    future.cancel()
    expect(
        waits,
        f"{name_of(make)}({first!r}), with no delay, "
        + (f"was done at once: {state_of(future)}" if future.done() else "scheduled no wait of about one second"),
        expected=f"the exercise's signature, `{signature}`: {WAITS_A_SECOND}",
        fix="When `delay` is None, wait one second: `await asyncio.sleep(1.0 if delay is None else delay)`; or keep"
        " the stub's default, `delay: float = 1.0`.",
        at=make,
    )


@check("set_future_value sleeps `delay` seconds without blocking the loop, then sets the result")
async def test_sets_result_after_delay():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    call = f"set_future_value(future, 7, {DELAY})"
    with settling(future) as settled, sleeps_asked(future, ex) as asked:
        started = loop.time()
        calling = asyncio.ensure_future(await_call(ex.set_future_value, future, 7, DELAY, limit=2, shown=call))
        _, ticks = await count_ticks_while(asyncio.wait({calling}, timeout=TIMED_OUT))
    if not calling.done():
        calling.cancel()
        fail(
            f"{call} was still running {TIMED_OUT:g} s later",
            expected=f"about {DELAY} s",
            fix=OWN_DELAY,
            at=ex.set_future_value,
        )
    calling.result()  # what await_call found wrong, or the error the student's code raised
    if not future.done():
        uncalled_state_test(call, [])
    expect(
        future.done() and not future.cancelled() and future.exception() is None and future.result() == 7,
        f"after {call} finished, the future was {state_of(future)}",
        expected="a future with the result 7",
        fix="After the sleep, call future.set_result(value) with the value set_future_value was given.",
        at=ex.set_future_value,
    )
    elapsed = settled_at(settled, loop) - started
    expect(
        elapsed >= DELAY * 0.99,
        f"the result was set after {elapsed:.3f} s",
        expected=f"only after `delay` ({DELAY} s)",
        **set_too_soon(),
    )
    expect(
        elapsed < 10 * DELAY,
        f"{call} took {elapsed:.2f} s",
        expected=f"about {DELAY} s",
        fix=OWN_DELAY,
        at=ex.set_future_value,
    )

    async def again(delay: float) -> None:
        shown = f"set_future_value(future, 7, {delay})"
        await await_call(ex.set_future_value, loop.create_future(), 7, delay, limit=2, shown=shown)

    await blocked_fail(
        ticks, again, lambda delay: f"while set_future_value(future, 7, {delay}) slept", ex.set_future_value, root=ROOT
    )

    async def timed(delay: float) -> float:
        future, started = loop.create_future(), loop.time()
        with settling(future) as settled:
            await await_call(
                ex.set_future_value, future, 7, delay, limit=2, shown=f"set_future_value(future, 7, {delay})"
            )
        return settled_at(settled, loop) - started

    took = await waited_twice(elapsed, timed)
    expect(
        took is None,
        f"{call} set the result after {elapsed:.3f} s, and set_future_value(future, 7, {CONFIRM}) after {took or 0:.2f}"
        f" s: about {(took or 0) / CONFIRM:.0f} times `delay`",
        expected="the result set once `delay` seconds have passed",
        fix=TWICE,
        at=ex.set_future_value,
    )
    expect_slept_the_delay(asked, elapsed, f"{call} set the result", "the result set", ex.set_future_value)


OVERSLEPT = 1.5
"""Sleeps that add up to this many times `delay`, or more, are not a wait of `delay`. A poll of the clock in short
sleeps overshoots by less than one of them; a delay rounded to 0.1, or slept 0.1 s at a time, asks twice DELAY."""
SLEEP_EXACTLY = (
    "Sleep exactly `delay`, as it is given: `await asyncio.sleep(delay)`. A rounded delay (round(delay, 1) is 0.1"
    " for 0.05) or fixed steps (0.1 s at a time until `delay` is covered) wait longer than asked."
)


def expect_slept_the_delay(asked: list[Asked], elapsed: float, ended: str, then: str, func: Any) -> None:
    """Fail when the student's code, on the way to the outcome that `ended` tells (of a call with DELAY), asked
    asyncio.sleep for OVERSLEPT times DELAY or more in all, and the outcome came no sooner than all of it: the sleeps
    were waited one after another, as the loop's clock never fires a timer early (sleeps run side by side, or cut
    short by a time limit, are not). The numbers asked are the evidence, not the time: a stopwatch tells 0.1 s from
    0.05 s only with margins that a busy machine eats, and a longer `delay` that is a multiple of the step (0.2 s)
    hides the overshoot altogether."""
    total = sum(sleep.delay for sleep in asked)
    if total < OVERSLEPT * DELAY or elapsed < 0.99 * total:
        return
    counts: dict[float, int] = {}
    for sleep in asked:
        counts[sleep.delay] = counts.get(sleep.delay, 0) + 1
    calls = ", ".join(f"asyncio.sleep({delay:g})" + (f" {n} times" if n > 1 else "") for delay, n in counts.items())
    own = where(func)
    longer = next((sleep for sleep in asked if sleep.delay != DELAY), asked[0])
    fail(
        f"{ended} after {elapsed:.3f} s: on the way, your code asked asyncio.sleep for {total:g} s in all"
        f" ({calls}), not the {DELAY} s of `delay`",
        expected=f"one sleep of `delay`, {DELAY} s, and then {then}",
        fix=SLEEP_EXACTLY,
        at=Location(own.file, longer.line, longer.function) if own is not None else func,
    )


@check("the event loop keeps running other coroutines while a request is pending")
async def test_loop_keeps_running_while_waiting():
    before = asyncio.all_tasks()
    asked = asyncio.get_running_loop().time()
    future = ex.make_request("x", DELAY)
    plain_function(ex.make_request, future, "x", DELAY)
    expect_a_future(ex.make_request, future, f"make_request('x', {DELAY})", FUTURE)
    expect(
        not future.done(),
        f"make_request('x', {DELAY}) returned a future that was already done, so nothing was left to wait for",
        expected=f"a future that a task sets {DELAY} s later, while the loop runs other coroutines meanwhile",
        fix="Do not set the result in make_request: a task running set_future_value sets it after `delay`.",
        at=ex.make_request,
    )
    tasks = new_tasks(before)
    waited, ticks = await count_ticks_while(outcome(future, tasks, hurry=HURRY))
    answered = asyncio.get_running_loop().time() - asked  # a loop blocked by time.sleep(delay) still took delay
    never_set(future, tasks, f"make_request('x', {DELAY})", waited, delay=DELAY)
    value = future.result()
    if value != "x":
        returned_a_task(ex.make_request, future, value, "'x', the value set_future_value sets on the future")
    expect(value == "x", f"await make_request('x', {DELAY}) gave {value!r}", expected="'x'", fix=SAME_VALUE,
           at=ex.set_future_value)  # fmt: skip

    expect(
        ticks >= MIN_TICKS or answered >= DELAY / 2,  # no ticks because nothing waited: not a blocked loop
        f"make_request('x', {DELAY}) was answered after {answered:.3f} s, before any other coroutine had a turn",
        expected=f"a request pending for about {DELAY} s, while other coroutines run",
        fix="await asyncio.sleep(delay) in set_future_value before setting the result.",
        at=ex.set_future_value,
    )

    async def again(delay: float) -> None:
        before = asyncio.all_tasks()
        await outcome(ex.make_request("x", delay), new_tasks(before))

    await blocked_fail(ticks, again, lambda delay: f"during a {delay} s request", ex.set_future_value, root=ROOT)


@check("five requests of 0.05 s awaited together take about 0.05 s, not 0.25 s")  # a literal: the index reads it
async def test_requests_overlap():
    loop = asyncio.get_running_loop()
    started = loop.time()
    wanted = list(range(1, OVERLAPPING + 1))
    outcomes = await asyncio.gather(*(requested_from(n, DELAY, TIMED_OUT) for n in wanted))
    elapsed = loop.time() - started
    values = [got for _, got in outcomes]
    if values != wanted:
        returned_a_task(ex.make_request, outcomes[0][0], values[0], "1, the value set_future_value sets on the future")
    expect(values == wanted, f"asyncio.gather of {OVERLAPPING} requests gave {values!r}", expected=repr(wanted),
           fix=SAME_VALUE, at=ex.set_future_value)  # fmt: skip
    expect(
        elapsed >= DELAY * 0.99,  # the loop's clock: no timer it runs fires early
        f"{OVERLAPPING} requests of {DELAY} s were all answered after {elapsed:.3f} s",
        expected=f"about {DELAY} s: each request waits its `delay` before its future is set",
        fix="await asyncio.sleep(delay) in set_future_value before setting the result.",
        at=ex.set_future_value,
    )
    if elapsed >= OVERLAP_LIMIT:
        # A busy machine can hold the loop for a moment: only requests of CONFIRM s that also fail to overlap,
        # taking 2.5 times their delay where waits one after the other take 5, are the student's doing.
        confirmed = loop.time()
        await asyncio.gather(*(requested_from(n, CONFIRM, 12 * CONFIRM) for n in wanted))
        confirmed = loop.time() - confirmed
        expect(
            confirmed < 2.5 * CONFIRM,
            f"{OVERLAPPING} concurrent requests of {DELAY} s took {elapsed:.2f} s, and of {CONFIRM} s"
            f" {confirmed:.2f} s",
            expected=f"about {DELAY} s and {CONFIRM} s: the {OVERLAPPING} waits overlap",
            fix=NOT_BLOCKING,
            at=CallIn(ex.set_future_value, "time.sleep"),
        )
    spent: list[float] = []
    direct = loop.create_future()  # set by set_future_value itself, called beside the requests: who waits twice?

    async def again(delay: float) -> float:
        started = loop.time()
        with settling(direct) as settled:
            await asyncio.gather(
                *(requested_from(n, delay, 2, spent=spent) for n in wanted),
                await_call(
                    ex.set_future_value, direct, 0, delay, limit=2, shown=f"set_future_value(future, 0, {delay})"
                ),
            )
        alone.append(settled_at(settled, loop) - started)
        return loop.time() - started

    alone: list[float] = []

    took = await waited_twice(elapsed, again)
    if took is None:
        return
    if sum(spent) >= CONFIRM / 2:  # the calls of make_request themselves held the loop
        fail(
            f"{OVERLAPPING} concurrent requests of {CONFIRM} s took {took:.2f} s, {sum(spent):.2f} s of it inside"
            " the calls of make_request, which held the loop before returning their futures",
            expected=f"about {CONFIRM} s: make_request returns at once, and the {OVERLAPPING} waits overlap",
            fix="make_request only creates the future and schedules the task: no time.sleep (or other wait) in it;"
            " the waiting is set_future_value's, `await asyncio.sleep(delay)`.",
            at=CallIn(ex.make_request, "time.sleep", "sleep"),
        )
    itself = bool(alone) and alone[0] >= LATE * CONFIRM  # set_future_value alone waits that long
    fail(
        f"{OVERLAPPING} concurrent requests of {DELAY} s took {elapsed:.2f} s, and of {CONFIRM} s took {took:.2f} s:"
        f" each request waited about {took / CONFIRM:.0f} times its delay"
        + (f"; set_future_value(future, 0, {CONFIRM}) alone took {alone[0]:.2f} s" if itself else ""),
        expected=f"about {CONFIRM} s: each future is set `delay` seconds after make_request was called",
        fix=TWICE,
        at=ex.set_future_value if itself else ex.make_request,
    )


READ_A_CANCELLED_FUTURE = (
    "waiting on a cancelled future (await future, asyncio.wait_for(future, ...)) or reading it (future.result())"
    " raises CancelledError"
)
WAIT_WITH_SLEEP = (
    "Wait with `await asyncio.sleep(delay)`, and ask the future only future.done(): if not future.done(), call"
    " future.set_result(value)."
)


def set_too_soon() -> dict[str, Any]:
    """The fix, and where, for set_future_value, called by the check itself, setting the result before `delay` had
    passed: an `await asyncio.sleep(...)` of something else than the `delay` parameter (int(delay) is 0 for 0.05),
    or no such sleep before the result is set (none, one not awaited, one after set_result)."""
    shorter = _sleep_of_another_time(ex.set_future_value)
    if shorter is None:
        return {"fix": "await asyncio.sleep(delay) in set_future_value before setting the result.",
                "at": ex.set_future_value}  # fmt: skip
    written, at = shorter
    return {
        "fix": f"Your code awaits asyncio.sleep({written}), which is less than `delay`: pass it `delay` itself, as"
        " it is. int(delay) and round(delay) make 0 of 0.05.",
        "at": at,
    }


def _sleep_of_another_time(func: Any) -> tuple[str, Location | None] | None:
    """(what `func` awaits asyncio.sleep with, its line), for its first `await asyncio.sleep(x)` whose x is not
    `func`'s third parameter, the delay, written as it is; None when there is none, or the source is unreadable."""
    source = _Source.of(func)
    try:
        delay = list(inspect.signature(func).parameters)[2]
    except (TypeError, ValueError, IndexError):
        return None
    if source is None:
        return None
    for node in ast.walk(source.tree):
        call = node.value if isinstance(node, ast.Await) else None
        if not isinstance(call, ast.Call) or getattr(call.func, "attr", getattr(call.func, "id", None)) != "sleep":
            continue
        given = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "delay"), None)
        if given is not None and not (isinstance(given, ast.Name) and given.id == delay):
            return ast.unparse(given), source.location(call.lineno)
    return None


def why_cancelled(error: BaseException) -> tuple[str, str]:
    """(why set_future_value raised `error`, a CancelledError, on a cancelled future; the fix): a `raise` of the
    student's own, "to pass the cancel on", or a read of the future (READ_A_CANCELLED_FUTURE)."""
    if (line := raise_statement(error, inspect.getsourcefile(ex) or "")) is not None:
        return (
            f"your code raises it itself: `{line}`",
            "Return quietly instead: whoever cancelled the future knows it already, and the task has nothing to pass"
            " on. Set the result only `if not future.done():`, and do nothing else.",
        )
    return READ_A_CANCELLED_FUTURE, WAIT_WITH_SLEEP


async def expect_left_alone(calls: list[asyncio.Future], finished: asyncio.Future, sleeping: asyncio.Future) -> None:
    """set_future_value left alone the futures that were done: one cancelled, one `finished`, one cancelled while
    `sleeping` slept."""
    for call, state in zip(calls, ("cancelled", "already set"), strict=True):
        # Waited for first, so that a CancelledError below is the call's own ending, never this check's.
        await asyncio.wait([call], timeout=2)
        try:
            await asyncio.wait_for(call, timeout=2)
        except asyncio.InvalidStateError as error:
            fail(
                f"set_future_value on a future that was {state} raised InvalidStateError",
                expected="nothing happens: the future keeps its state",
                fix="Check future.done() before calling set_result.",
                at=where(error) or ex.set_future_value,
            )
        except asyncio.CancelledError as error:
            if not call.cancelled():
                raise
            why, fix = why_cancelled(error)
            fail(
                f"set_future_value on a future that was {state} raised CancelledError: {why}",
                expected="nothing happens: set_future_value returns quietly and the future keeps its state",
                fix=fix,
                at=where(error) or ex.set_future_value,
            )
    expect(
        finished.result() == "first",
        "set_future_value replaced a result that was already set",
        expected="the first result stays",
        at=ex.set_future_value,
    )
    await asyncio.wait([sleeping], timeout=2)
    try:
        await asyncio.wait_for(sleeping, timeout=2)
    except asyncio.CancelledError as error:
        if not sleeping.cancelled():
            raise
        why, fix = why_cancelled(error)
        fail(
            "set_future_value(future, 'late', 0.05) raised CancelledError when the future was cancelled while it"
            f" waited: {why}",
            expected="nothing happens when the future is done by the time the wait is over",
            fix=fix,
            at=where(error) or ex.set_future_value,
        )
    except asyncio.InvalidStateError as error:
        fail(
            "set_future_value(future, 'late', 0.05) raised InvalidStateError: the future was cancelled while it slept",
            expected="nothing happens when the future is done by the time the sleep is over",
            fix="Ask future.done() after `await asyncio.sleep(delay)`, just before set_result: the future can be"
            " cancelled while the task waits.",
            at=where(error) or ex.set_future_value,
        )


@check("set_future_value does nothing, and raises nothing, when the future is already done")
async def test_set_future_value_ignores_done_future():
    loop = asyncio.get_running_loop()
    cancelled = loop.create_future()
    cancelled.cancel()
    finished = loop.create_future()
    finished.set_result("first")
    # Cancelled while it sleeps: whether the future is done must be asked after the sleep, not only before it. The
    # cancel comes before the student's own timer is due (timers run in order), so the verdict needs no stopwatch.
    # Started first, and all three calls at once: a set_future_value that sleeps a fixed second costs one second.
    meanwhile = loop.create_future()
    sleeping = asyncio.ensure_future(ex.set_future_value(meanwhile, "late", 0.05))
    calls = [asyncio.ensure_future(ex.set_future_value(future, "late", 0.01)) for future in (cancelled, finished)]
    # And one future still pending, the control: a set_future_value that does nothing at all leaves done futures
    # alone too, and would earn this check's point for nothing.
    pending = loop.create_future()
    setting = asyncio.ensure_future(ex.set_future_value(pending, "set", 0.01))
    try:
        await asyncio.sleep(0.01)
        meanwhile.cancel()
        # What set_future_value does once its sleep is over is the question here, not when: no waiting a fixed second.
        await asyncio.wait([sleeping, setting, *calls], timeout=HURRY)
        wake_sleepers({sleeping, setting, *calls})
        await expect_left_alone(calls, finished, sleeping)
        await asyncio.wait([setting], timeout=2)
        expect(
            pending.done(),
            "set_future_value(future, 'set', 0.01) left a pending future pending: it did nothing to any future",
            expected="the done futures left alone, and the result set on the one still pending",
            fix="After the sleep: if not future.done(), call future.set_result(value).",
            at=ex.set_future_value,
        )
    finally:
        settle([sleeping, setting, *calls])


def failing_request(exc: Exception, delay: float) -> object:
    """What `make_failing_request(exc, delay)` returned; fails the check when the call raised `exc` itself, at once:
    "make_failing_request() raised ValueError" would read like the request failing as it should."""
    try:
        return ex.make_failing_request(exc, delay)
    except Exception as raised:
        if raised is not exc:
            raise
        fail(
            f"{call_repr(ex.make_failing_request, exc, delay)} raised {type(exc).__name__} itself, at once, instead"
            " of returning a future",
            expected="a pending future, returned at once, that a task fails after `delay`: then `await future` raises"
            " exc",
            fix="Do not raise exc in make_failing_request: create the future, schedule a task (asyncio.create_task)"
            " that sleeps `delay` seconds and calls future.set_exception(exc), and return the future.",
            at=where(raised) or ex.make_failing_request,
        )


@check("awaiting make_failing_request(exc) raises that same exception object")
async def test_failing_request_raises_same_exception():
    error = ValueError("the server said no")
    before = asyncio.all_tasks()
    future = failing_request(error, 0.01)
    plain_function(ex.make_failing_request, future, error, 0.01)
    tasks, shown = new_tasks(before), call_repr(ex.make_failing_request, error, 0.01)
    expect_a_future(ex.make_failing_request, future, shown, "an asyncio future, failed later by a task")
    waited = await outcome(future, tasks, given=error, shown=shown, hurry=HURRY)
    never_set(future, tasks, shown, waited, failing=True)
    try:
        got = await asyncio.wait_for(future, timeout=0.01)
    except ValueError as raised:
        expect(
            raised is error,
            f"awaiting the future raised a different exception, {raised!r}",
            expected="the very object passed in",
            fix="Use future.set_exception(exc) with `exc` itself.",
            at=ex.make_failing_request,
        )
        signature = "make_failing_request(exc, delay: float = 1.0)"
        await expect_default_delay(ex.make_failing_request, KeyError("never raised"), signature)
        return
    except Exception as raised:
        fail(
            f"awaiting the future raised {type(raised).__name__}: {raised}",
            expected=f"{error!r}, the very exception given to make_failing_request",
            fix="Fail the future with the exception you were given, future.set_exception(exc): not a new exception"
            " made from it, which the caller's `except` for the original's type does not catch.",
            at=where(raised) or ex.make_failing_request,
        )
    returned_a_task(ex.make_failing_request, future, got, f"the future ends with the exception {error!r}")
    fail(
        f"awaiting the future returned {value_repr(got)} instead of raising",
        expected=f"the future ends with the exception {error!r}",
        fix="set_exception(exc) makes `await future` raise; set_result(exc) only returns the exception object.",
        at=ex.make_failing_request,
    )


async def its_first_steps() -> None:
    """Let the tasks just started take their first steps (one made by a callback the call queued, too): each is
    asleep in its `await asyncio.sleep(delay)` afterwards. Steps, not time: no timer of theirs is due yet."""
    for _ in range(3):
        await asyncio.sleep(0)


async def expect_failed_later_even_at_once() -> None:
    """make_failing_request(exc, 0) too returns a pending future that a task fails, as make_request(value, 0) does."""
    before, error = asyncio.all_tasks(), KeyError("at once")
    future = failing_request(error, 0)
    shown = call_repr(ex.make_failing_request, error, 0)
    expect(
        asyncio.isfuture(future) and not future.done(),
        f"{shown} returned a future that was already done",
        expected="a future that is not done yet, even with a delay of 0: the task fails it on a later turn of the loop",
        fix="Handle every delay the same way, 0 included: no `if delay <= 0:` that sets the exception at once;"
        " schedule the task that sleeps and calls future.set_exception(exc), and return the future.",
        at=ex.make_failing_request,
    )
    await outcome(future, new_tasks(before), given=error, shown=shown, hurry=HURRY)
    if future.done() and not future.cancelled():
        future.exception()  # retrieved, so that asyncio does not log it


@check(
    "make_failing_request fails the future from a task after `delay` without blocking the loop, and tolerates a cancel"
)
async def test_failing_request_waits_and_tolerates_cancel():
    loop = asyncio.get_running_loop()
    logged: list[dict[str, Any]] = []  # what the loop's exception handler got: errors in callbacks, timers included
    handler = loop.get_exception_handler()
    loop.set_exception_handler(lambda _, context: logged.append(context))
    spying = contextlib.ExitStack()  # the sleeps asked for `kept`, from its task's first step on
    try:
        before = asyncio.all_tasks()
        started = loop.time()
        late = KeyError("late")
        kept = failing_request(late, DELAY)
        asked = spying.enter_context(sleeps_asked(kept, ex)) if asyncio.isfuture(kept) else []
        plain_function(ex.make_failing_request, kept, late, DELAY)
        ours = await tasks_started(before, kept)
        # Half the delay: whatever the cancelled request does up to twice its delay happens while we wait for `kept`.
        dropped = KeyError("cancelled")
        cancelled = failing_request(dropped, DELAY / 2)
        tasks = ours | await tasks_started(before | ours, cancelled)
        for made, error in ((kept, late), (cancelled, dropped)):
            shown = call_repr(ex.make_failing_request, error, DELAY if made is kept else DELAY / 2)
            expect_a_future(ex.make_failing_request, made, shown, "a pending future, failed later by a task")
        expect(
            not kept.done() and not cancelled.done(),
            f"make_failing_request returned {kept!r}",
            expected="a pending future, failed later by a task",
            fix="Do not fail the future in make_failing_request itself: schedule a task with asyncio.create_task"
            " that sleeps `delay` seconds, then calls future.set_exception(exc), and return the future at once.",
            at=ex.make_failing_request,
        )
        timer = None if tasks else callback_instead_of_task(ex.make_failing_request)
        expect(
            tasks,
            "make_failing_request scheduled no task"
            + (f": loop.{timer[0]}(...) schedules a plain function (a callback), not a task" if timer else ""),
            expected="a task that sets the exception after `delay`",
            fix="Schedule a task with asyncio.create_task, of a coroutine that waits with `await asyncio.sleep(delay)`"
            " and then calls future.set_exception(exc), as set_future_value does with set_result.",
            at=timer[1] if timer else ex.make_failing_request,
        )
        cancelled.cancel()
        shown = call_repr(ex.make_failing_request, late, DELAY)
        with settling(kept) as settled:
            waited, ticks = await count_ticks_while(outcome(kept, ours, TIMED_OUT, given=late, shown=shown))
        never_set(kept, ours, shown, waited, failing=True)
        # What the cancelled request's task does once its sleep is over is the question, not when it ends.
        wake_sleepers(tasks)
        await asyncio.wait(tasks, timeout=2)
    finally:
        spying.close()
        loop.set_exception_handler(handler)
    if not kept.cancelled() and kept.exception() is None:  # retrieved, so that asyncio does not log it
        returned_a_task(ex.make_failing_request, kept, kept.result(), "the future ends with KeyError('late')")
    problem = setter_problem(settled, before)
    if problem is not None:
        handed_on = handed_on_by_a_task(settled, ours)
        shielded(ex.make_failing_request, problem, handed_on)
        fail(
            problem + (", although make_failing_request did schedule a task" if handed_on else ""),
            expected="a task that make_failing_request scheduled sets the exception, after asyncio.sleep(delay)",
            fix=SET_IN_THE_TASK.format(setter="set_exception(exc)", coroutine="the coroutine that task runs")
            if handed_on
            else "Schedule a coroutine that sleeps and then calls future.set_exception(exc), with asyncio.create_task.",
            at=ex.make_failing_request,
        )
    elapsed = settled_at(settled, loop) - started
    ended = "failed" if kept.exception() is not None else "was given a result (set_result, not set_exception)"
    expect(
        elapsed >= DELAY * 0.99,
        f"the future {ended} {elapsed:.3f} s after make_failing_request(KeyError('late'), {DELAY}) was called",
        expected="the exception is set only after `delay` seconds",
        fix="await asyncio.sleep(delay) first, then set the exception.",
        at=ex.make_failing_request,
    )
    expect(
        elapsed < 10 * DELAY,
        f"the future {ended} {elapsed:.2f} s after make_failing_request(KeyError('late'), {DELAY}) was called",
        expected=f"about {DELAY} s, its `delay`",
        fix=OWN_DELAY,
        at=ex.make_failing_request,
    )

    async def again(delay: float) -> None:
        before, error = asyncio.all_tasks(), KeyError("late")
        future = ex.make_failing_request(error, delay)
        await outcome(future, new_tasks(before), given=error, shown=call_repr(ex.make_failing_request, error, delay))
        if future.done() and not future.cancelled():
            future.exception()  # retrieved, so that asyncio does not log it

    during = "while make_failing_request(KeyError('late'), {}) was pending".format
    await blocked_fail(ticks, again, during, ex.make_failing_request, root=ROOT)
    for task in tasks - ours:
        if task.done() and not task.cancelled() and task.exception() is not None:
            error = task.exception()
            fail(
                f"after the future was cancelled, the task that fails it raised {type(error).__name__}: {error}",
                expected="the task does nothing when the future is already done",
                fix="Check future.done() before calling set_exception.",
                at=where(error) or ex.make_failing_request,
            )

    async def timed(delay: float) -> float:
        before, error, started = asyncio.all_tasks(), KeyError("late"), loop.time()
        future = ex.make_failing_request(error, delay)
        with settling(future) as settled:
            await outcome(
                future, new_tasks(before), given=error, shown=call_repr(ex.make_failing_request, error, delay)
            )
        if future.done() and not future.cancelled():
            future.exception()  # retrieved, so that asyncio does not log it
        return settled_at(settled, loop) - started

    took = await waited_twice(elapsed, timed)
    expect(
        took is None,
        f"the future {ended} {elapsed:.3f} s after make_failing_request(KeyError('late'), {DELAY}) was called, and"
        f" {took or 0:.2f} s after make_failing_request(KeyError('late'), {CONFIRM}): about"
        f" {(took or 0) / CONFIRM:.0f} times its delay",
        expected="the exception set once `delay` seconds have passed",
        fix=TWICE,
        at=ex.make_failing_request,
    )
    expect_slept_the_delay(
        asked, elapsed, f"the future of {shown} failed", "the exception set", ex.make_failing_request
    )
    await expect_failed_later_even_at_once()
    await expect_cancel_tolerated(ex.make_failing_request, KeyError("cancelled while asleep"))
    for context in logged:
        error = context.get("exception")
        said = (f"{type(error).__name__}: {error}" if str(error) else type(error).__name__) if error else None
        fail(
            f"after one of the futures was cancelled, {said} escaped from a callback into the event loop"
            if said
            else f"the event loop's exception handler was called: {context.get('message')}",
            expected="nothing is raised when a future was cancelled before its `delay` was over",
            fix="Whatever touches the future later must check future.done() first. Fail it from a task that does, "
            "not from a loop.call_later timer: set_exception on a cancelled future raises InvalidStateError.",
            at=(where(error) if error else None) or ex.make_failing_request,
        )
