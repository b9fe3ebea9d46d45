"""Exercise 01: futures. Every check runs inside a running event loop (pytest-asyncio)."""

import asyncio
from pathlib import Path

from grader.probes.loop_watch import LoopWatch
from grader.testing import call_repr, check, expect, fail, student, where

ex = student("exercises.ex01_futures")
ROOT = Path(ex.__file__).parent.parent  # as the student frames name it: LoopWatch resolves links itself

NOT_BLOCKING = "Wait with `await asyncio.sleep(delay)`: `time.sleep` stops every other coroutine on the loop."


def new_tasks(before: set) -> set:
    return asyncio.all_tasks() - before - {asyncio.current_task()}


async def count_ticks_while(awaitable, interval: float = 0.01) -> tuple[object, int]:
    """Await `awaitable` while a ticker coroutine counts how often the loop let it run."""
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(interval)
            ticks += 1

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    try:
        value = await awaitable
    finally:
        ticking.cancel()
    return value, ticks


@check("make_request returns a future of the running loop that is not done yet")
async def test_returns_pending_future():
    future = ex.make_request(42, 0.01)
    expect(
        asyncio.isfuture(future),
        f"{call_repr(ex.make_request, 42, 0.01)} returned {future!r}",
        expected="an asyncio future, e.g. asyncio.get_running_loop().create_future()",
        at=ex.make_request,
    )
    expect(
        future.get_loop() is asyncio.get_running_loop(),
        "the future belongs to another event loop",
        expected="a future of the running loop",
        fix="Create it with asyncio.get_running_loop().create_future().",
        at=ex.make_request,
    )
    expect(
        not future.done(),
        "the future was already done when make_request returned",
        expected="a future that is set later, by a task, after `delay` seconds",
        fix="Do not set the result in make_request itself: schedule set_future_value(...) with asyncio.create_task.",
        at=ex.make_request,
    )
    await future


@check("make_request schedules a task that sets the future")
async def test_schedules_a_task():
    before = asyncio.all_tasks()
    future = ex.make_request("value", 0.01)
    tasks = new_tasks(before)
    expect(
        tasks,
        "make_request scheduled no task",
        expected="asyncio.create_task(set_future_value(future, value, delay))",
        fix="A future is set by someone else: here, a task running set_future_value.",
        at=ex.make_request,
    )
    await asyncio.wait(tasks, timeout=2)
    expect(
        future.done(),
        "the future was still not done after the task make_request scheduled had finished",
        expected="the task sets the future's result",
        at=ex.set_future_value,
    )
    await future


@check("awaiting make_request(value) gives that value")
async def test_future_resolves_to_value():
    for value in ("hello", [1, 2, 3], None):
        got = await asyncio.wait_for(ex.make_request(value, 0.01), timeout=2)
        expect(
            got is value,
            f"await {call_repr(ex.make_request, value, 0.01)} gave {got!r}",
            expected=repr(value),
            fix="Pass `value` on to set_future_value and set exactly that as the result.",
            at=ex.set_future_value,
        )


@check("set_future_value sets the result after `delay` seconds, not before")
async def test_sets_result_after_delay():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    set_at = []
    future.add_done_callback(lambda _: set_at.append(loop.time()))
    started = loop.time()
    await asyncio.wait_for(ex.set_future_value(future, 7, 0.05), timeout=2)
    await asyncio.sleep(0)  # done callbacks run on the next iteration
    expect(
        future.done() and not future.cancelled() and future.result() == 7,
        f"after set_future_value(future, 7, 0.05) finished, the future was {future!r}",
        expected="a future with the result 7",
        at=ex.set_future_value,
    )
    elapsed = set_at[0] - started
    expect(
        elapsed >= 0.049,
        f"the result was set after {elapsed:.3f} s",
        expected="only after `delay` (0.05 s)",
        fix="await asyncio.sleep(delay) before setting the result.",
        at=ex.set_future_value,
    )
    expect(
        elapsed < 0.5,
        f"set_future_value(future, 7, 0.05) took {elapsed:.2f} s",
        expected="about 0.05 s",
        fix="Sleep for `delay` seconds, not a fixed time.",
        at=ex.set_future_value,
    )


@check("the event loop keeps running other coroutines while a request is pending")
async def test_loop_keeps_running_while_waiting():
    async with LoopWatch(ROOT) as watching:  # only to name the blocking line; the ticks are the evidence
        value, ticks = await count_ticks_while(asyncio.wait_for(ex.make_request("x", 0.1), timeout=2), 0.005)
    expect(value == "x", f"await make_request('x', 0.1) gave {value!r}", expected="'x'")
    if ticks < 3:
        stall = watching.report.worst()
        fail(
            f"a coroutine that should have ticked every 0.005 s ran only {ticks} time(s) during a 0.1 s request:"
            + (f" the {stall.describe()}" if stall is not None and stall.location else " the event loop was blocked"),
            expected="other coroutines keep running while the future is pending",
            fix=NOT_BLOCKING,
            at=(stall.location if stall is not None else None) or ex.set_future_value,
        )


@check("three requests of 0.1 s awaited together take about 0.1 s, not 0.3 s")
async def test_requests_overlap():
    loop = asyncio.get_running_loop()
    started = loop.time()
    values = await asyncio.wait_for(
        asyncio.gather(ex.make_request(1, 0.1), ex.make_request(2, 0.1), ex.make_request(3, 0.1)), timeout=3
    )
    elapsed = loop.time() - started
    expect(list(values) == [1, 2, 3], f"asyncio.gather of three requests gave {values!r}", expected="[1, 2, 3]")
    expect(
        elapsed < 0.2,
        f"three concurrent requests of 0.1 s took {elapsed:.2f} s",
        expected="about 0.1 s: the three waits overlap",
        fix=NOT_BLOCKING,
        at=ex.set_future_value,
    )


@check("set_future_value does nothing, and raises nothing, when the future is already done")
async def test_set_future_value_ignores_done_future():
    loop = asyncio.get_running_loop()
    cancelled = loop.create_future()
    cancelled.cancel()
    finished = loop.create_future()
    finished.set_result("first")
    for future, state in ((cancelled, "cancelled"), (finished, "already set")):
        try:
            await asyncio.wait_for(ex.set_future_value(future, "late", 0.01), timeout=2)
        except asyncio.InvalidStateError as error:
            fail(
                f"set_future_value on a future that was {state} raised InvalidStateError",
                expected="nothing happens: the future keeps its state",
                fix="Check future.done() before calling set_result.",
                at=where(error) or ex.set_future_value,
            )
    expect(
        finished.result() == "first",
        "set_future_value replaced a result that was already set",
        expected="the first result stays",
        at=ex.set_future_value,
    )


@check("awaiting make_failing_request(exc) raises that same exception object")
async def test_failing_request_raises_same_exception():
    error = ValueError("the server said no")
    future = ex.make_failing_request(error, 0.01)
    expect(
        asyncio.isfuture(future),
        f"make_failing_request returned {future!r}",
        expected="an asyncio future",
        at=ex.make_failing_request,
    )
    try:
        got = await asyncio.wait_for(future, timeout=2)
    except ValueError as raised:
        expect(
            raised is error,
            f"awaiting the future raised a different exception, {raised!r}",
            expected="the very object passed in",
            fix="Use future.set_exception(exc) with `exc` itself.",
            at=ex.make_failing_request,
        )
        return
    except Exception as raised:
        fail(
            f"awaiting the future raised {type(raised).__name__}: {raised}",
            expected=repr(error),
            at=ex.make_failing_request,
        )
    fail(
        f"awaiting the future returned {got!r} instead of raising",
        expected=f"the future ends with the exception {error!r}",
        fix="set_exception(exc) makes `await future` raise; set_result(exc) only returns the exception object.",
        at=ex.make_failing_request,
    )


@check("make_failing_request fails the future from a task after `delay`, and tolerates a cancel")
async def test_failing_request_waits_and_tolerates_cancel():
    loop = asyncio.get_running_loop()
    started = loop.time()
    before = asyncio.all_tasks()
    future = ex.make_failing_request(KeyError("late"), 0.05)
    tasks = new_tasks(before)
    expect(
        not future.done(),
        "the future was already done when make_failing_request returned",
        expected="a pending future, failed later by a task",
        at=ex.make_failing_request,
    )
    expect(
        tasks,
        "make_failing_request scheduled no task",
        expected="a task that sets the exception after `delay`",
        at=ex.make_failing_request,
    )
    future.cancel()
    await asyncio.wait(tasks, timeout=2)
    expect(
        loop.time() - started >= 0.049,
        "the task finished before `delay` seconds had passed",
        expected="the exception is set only after `delay` seconds",
        at=ex.make_failing_request,
    )
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            error = task.exception()
            fail(
                f"after the future was cancelled, the task that fails it raised {type(error).__name__}: {error}",
                expected="the task does nothing when the future is already done",
                fix="Check future.done() before calling set_exception.",
                at=where(error) or ex.make_failing_request,
            )
