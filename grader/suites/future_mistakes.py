"""The ways exercise 01's calls go wrong, each told as a failure with its fix: what make_request or
make_failing_request returned instead of a pending future of the running loop, and why that future was never set."""

from __future__ import annotations

import asyncio
import inspect
import traceback
from collections.abc import Callable
from typing import Any, NoReturn

from grader.diagnose import ASYNC_DEF
from grader.model import Location
from grader.testing import CallIn, call_repr, fail, name_of, student, uncalled_test, value_repr

ex = student("exercises.ex01_futures")


def plain_function(func: Callable[..., Any], got: object, *args: Any) -> None:
    """Fail when `func(*args)`, make_request or make_failing_request, gave `got`, a coroutine: an `async def`, whose
    call runs nothing, so no future exists yet and no task was scheduled (every later question would mislead)."""
    if inspect.iscoroutine(got):
        got.close()
        async_def(func, *args)


def async_def(func: Callable[..., Any], *args: Any) -> NoReturn:
    fail(
        f"{call_repr(func, *args)} returned a coroutine object, not a future: {name_of(func)} is an async def"
        " function, so calling it ran none of its body",
        expected=f"{name_of(func)} is a plain function (def) that returns a pending future at once",
        fix=f"Write `def {name_of(func)}(...)`, not `async def`: it runs while the loop runs, creates the future"
        " with asyncio.get_running_loop().create_future(), schedules the task with asyncio.create_task and returns"
        " the future; the task does the waiting.",
        at=func,
        cause=ASYNC_DEF,
    )


def expect_a_future(func: Callable[..., Any], got: object, shown: str, expected: str) -> None:
    """Fail unless `got`, what the call `shown` of `func` returned, is a future of the running loop: anything else
    (None from a missing `return`, the Future class itself, a future of a loop that never runs here) would make every
    later question about it mislead, as "a plain callback set it" or "a different exception" would."""
    if not asyncio.isfuture(got):
        fail(f"{shown} returned {value_repr(got)}", expected=expected, fix=_return_a_future(func, got), at=func)
    if got.get_loop() is not asyncio.get_running_loop():
        fail(
            f"{shown} returned a future of another event loop, not of the one running the call",
            expected="a future of the running loop, which that loop can complete and wake its awaiters with",
            fix="Create it with asyncio.get_running_loop().create_future(), inside the call: a future made at import"
            " time or on asyncio.new_event_loop() belongs to a loop that does not run here.",
            at=func,
        )


def _return_a_future(func: Callable[..., Any], got: object) -> str:
    if got is None:
        return (
            f"End {name_of(func)} with `return future`: a function that reaches its end without a return statement"
            " returns None."
        )
    if isinstance(got, type) and issubclass(got, asyncio.Future):
        return (
            f"{name_of(func)} returned the class itself: call it to make a future,"
            " `future = asyncio.get_running_loop().create_future()` (or `asyncio.Future()`), and return that."
        )
    return "Return the future you created with asyncio.get_running_loop().create_future(), not another object."


def returned_a_task(func: Callable[..., Any], returned: object, got: object, expected: str) -> None:
    """Fail when `func` returned a task where its future was due, and awaiting it gave `got` (the check's own claim
    failed already): a task is a future, so nothing else tells the student why the value went missing."""
    if isinstance(returned, asyncio.Task):
        fail(
            f"{name_of(func)} returned a task, and awaiting it gave {value_repr(got)}: what the task's coroutine"
            " returned",
            expected=expected,
            fix="Return the future you created, not the task: awaiting a task gives what its coroutine returns (None"
            " for a coroutine that only sets the future); awaiting the future gives what the task set on it.",
            at=func,
        )


def misplaced_arguments(error: BaseException) -> None:
    """Fail when `error` came out of a set_future_value whose `delay` is no number: its caller passed the arguments
    in another order (`set_future_value(future, delay, value)`), so the asyncio.sleep line that raised is not where
    the fix goes."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        if frame.f_code is not getattr(ex.set_future_value, "__code__", None):
            continue
        delay, value = frame.f_locals.get("delay"), frame.f_locals.get("value")
        if isinstance(delay, (int, float)) and not isinstance(delay, bool):
            return
        fail(
            f"set_future_value was called with value={value!r} and delay={delay!r}, and raised"
            f" {type(error).__name__}: {error}",
            expected="make_request passes its value and delay on in set_future_value's order: (future, value, delay)",
            fix="Pass the arguments in the order set_future_value takes them:"
            " `set_future_value(future, value, delay)`, or by name: `set_future_value(future, value=value,"
            " delay=delay)`.",
            at=ex.make_request,
        )


def _cancel_call(tasks: set, func: Callable[..., Any]) -> Location | None:
    """The student's `x.cancel()` line in `func` or in a function that one of `tasks` ran, when none of them uses
    asyncio.wait_for (whose time-out cancels what it waits on, a fix of its own): the future was cancelled on
    purpose, as if that failed it."""
    ran = {getattr(task.get_coro(), "cr_code", None) for task in tasks if isinstance(task, asyncio.Task)} - {None}
    functions = [func, *(f for f in vars(ex).values() if getattr(f, "__code__", None) in ran)]
    if any(CallIn(f, "wait_for").found() for f in functions):
        return None
    return next((found for f in functions if (found := CallIn(f, "cancel").found())), None)


def never_set(
    future: asyncio.Future, tasks: set, shown: str, waited: float, *, failing: bool = False, delay: float | None = None
) -> None:
    """Fail when `future`, which the call `shown` returned, was still pending `waited` seconds later; `tasks` are the
    ones the call started, `failing` says that call was make_failing_request, `delay` is the one it was given. A
    cancelled future was not set either: the checks cancel only futures of other calls, so the student's code
    (an asyncio.wait_for, say) cancelled it."""
    maker = ex.make_failing_request if failing else ex.make_request
    setter = "set_exception(exc)" if failing else "set_result(value)"
    if future.cancelled():
        cancelled_at = _cancel_call(tasks, maker if failing else ex.set_future_value)
        fail(
            f"the future that {shown} returned ended cancelled instead of set",
            expected=f"the task calls future.{setter} after its sleep, and nothing cancels the future",
            fix=f"Call future.{setter} where your code calls future.cancel(): a cancelled future holds no result and"
            " no exception, and awaiting it raises CancelledError."
            if cancelled_at
            else "Wait with `await asyncio.sleep(delay)`: asyncio.wait_for(future, timeout) cancels the future it"
            " waits on when the time runs out, and future.cancel() ends it for good.",
            at=cancelled_at or (ex.set_future_value if not failing else maker),
        )
    if future.done():
        return
    own = set(tasks) - {future}
    at = maker if failing else ex.set_future_value
    ended = [task for task in own if task.done() and not task.cancelled() and task.exception() is None]
    returned = [task.result() for task in ended if task.result() is not None]
    if returned:
        fail(
            f"a task that {shown} started returned {value_repr(returned[0])}, but the future the call returned was"
            " never set",
            expected=f"the task calls future.{setter} after its sleep",
            fix=f"Call future.{setter} in the task: returning a value only ends the task, and nobody awaits the task.",
            at=at,
        )
    if own and all(task.done() for task in own):
        uncalled_state_test(shown, [getattr(task.get_coro(), "cr_code", None) for task in own])
        fail(
            f"the task that {shown} started finished without setting the future the call returned",
            expected=f"the task calls future.{setter} after its sleep",
            fix=f"Call future.{setter} in the task, after its sleep.",
            at=at,
        )
    passed_on = _delays_of_setters(own)
    if not failing and delay is not None and passed_on and delay not in passed_on:
        fail(
            f"the future that {shown} returned was still not set {waited:.1f} s later: the task the call started runs"
            f" set_future_value with delay={passed_on[0]!r}, not the {delay!r} the call was given",
            expected="make_request passes its own `delay` on to set_future_value",
            fix="Pass the call's delay on: `asyncio.create_task(set_future_value(future, value, delay))`.",
            at=ex.make_request,
        )
    if own:
        fail(
            f"the future that {shown} returned was still not set {waited:.1f} s later, and the task the call started"
            " was still waiting",
            expected="the task sets the future once `delay` seconds have passed",
            fix="In the task, sleep for the `delay` given to the call, `await asyncio.sleep(delay)`, not a fixed"
            f" time, then call future.{setter}.",
            at=at,
        )
    fail(
        f"the future that {shown} returned was never set: {name_of(maker)} had scheduled no task to set it",
        expected=f"a task that {name_of(maker)} scheduled sets the future after `delay` seconds",
        fix="Schedule the coroutine as a task: asyncio.create_task(set_future_value(future, value, delay)). Calling"
        " set_future_value(...) without that only makes a coroutine object, which never runs."
        if not failing
        else "Schedule a coroutine that sleeps and then calls future.set_exception(exc), with asyncio.create_task.",
        at=maker,
    )


def uncalled_state_test(shown: str, codes: list[Any]) -> None:
    """Fail when set_future_value, or the code of a task that the call `shown` started, tests `future.done` or
    `future.cancelled` without calling it: a method is always true, so "set it unless done" never sets it, and
    "the task finished without setting the future" would send the student looking for a set_result that is there."""
    for code in (*(code for code in codes if code is not None), ex.set_future_value):
        if (found := uncalled_test(code, "done", "cancelled")) is not None:
            text, line = found
            fail(
                f"after {shown}, the future was never set: `{text}`, without parentheses, is the method itself, and a"
                " method is always true, whatever the future's state",
                expected="the future is set unless it is already done: `if not future.done():`",
                fix=f"Call the method to ask the future: `{text}()`.",
                at=line or code,
            )


def _delays_of_setters(tasks: set) -> list[Any]:
    """The `delay` that each task still running set_future_value was called with (read from its frame)."""
    delays = []
    for task in tasks:
        coro = task.get_coro() if isinstance(task, asyncio.Task) and not task.done() else None
        frame = getattr(coro, "cr_frame", None)
        if frame is not None and frame.f_code.co_name == "set_future_value" and "delay" in frame.f_locals:
            delays.append(frame.f_locals["delay"])
    return delays
