"""Why exercise 07's functions found no loop: asyncio.get_event_loop() with none set, or a function that needs a
running loop (all_tasks(), create_task, get_running_loop) called where none runs. Each is told with the fix, at the
student's own line."""

from __future__ import annotations

import inspect
import linecache
import os
import traceback
from collections.abc import Callable, Coroutine
from typing import Any

from grader.model import Location
from grader.testing import fail, student, where

ex = student("exercises.ex07_manual_loop")

NEW_LOOP = (
    "Make the loop yourself with `loop = asyncio.new_event_loop()` (the lesson's 'Creating an event loop "
    "manually'): asyncio.get_event_loop() only looks for a current loop, and with no loop running there is none."
)


def student_line(error: BaseException, func: Callable[..., Any]) -> Location | None:
    """The innermost line of the student's file in `error`'s traceback, e.g. the `asyncio.get_event_loop()` call."""
    own = where(func)
    student_file = os.path.realpath(ex.__file__ or "")
    found = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if own is not None and os.path.realpath(frame.f_code.co_filename) == student_file:
            found = Location(own.file, lineno, frame.f_code.co_name)
    return found


NEEDS_A_RUNNING_LOOP = {
    "get_running_loop": "Make the loop yourself with `loop = asyncio.new_event_loop()`: get_running_loop() only finds"
    " a loop that is already running, and none runs before you run one.",
    "all_tasks": "Name your loop: `asyncio.all_tasks(loop)`. With no argument all_tasks() asks for the running loop,"
    " and between two run_until_complete calls none is running.",
    "create_task": "Start tasks from code the loop runs, or on the loop itself: `loop.create_task(coro)`, or simply"
    " `loop.run_until_complete(coro)`. asyncio.create_task() needs a running loop.",
}


def _asyncio_function_called(error: BaseException) -> str | None:
    """The asyncio function that the student's innermost line called: named by the traceback's next frame, or, for
    one written in C (get_running_loop), by the line's own text."""
    student_file = os.path.realpath(ex.__file__ or "")
    called, line, after_student = None, "", False
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if os.path.realpath(frame.f_code.co_filename) == student_file:
            called, after_student = None, True
            line = linecache.getline(frame.f_code.co_filename, lineno)
        elif after_student and called is None:
            called = frame.f_code.co_name
    return called or next((name for name in NEEDS_A_RUNNING_LOOP if f"{name}(" in line), None)


def explain_no_running_loop(error: BaseException, call: str, func: Callable[..., Any]) -> None:
    """Fail with the fix when `error` is "no running event loop": an asyncio function that needs a running loop
    (all_tasks() with no argument, create_task, get_running_loop) called where none runs."""
    if not isinstance(error, RuntimeError) or "no running event loop" not in str(error):
        return
    called = _asyncio_function_called(error)
    fail(
        f"{call} raised RuntimeError: no running event loop"
        + (f", from asyncio.{called}()" if called else "")
        + ": outside run_until_complete no loop is running, so there is none to find",
        expected="asyncio functions that look for the running loop are called only from code the loop runs",
        fix=NEEDS_A_RUNNING_LOOP.get(
            called or "",
            "Use your own loop object where no loop is running: `loop.create_task(...)`, `asyncio.all_tasks(loop)`.",
        ),
        at=student_line(error, func) or func,
    )


def explain_missing_loop(error: BaseException, call: str, func: Callable[..., Any]) -> None:
    """Fail with the fix when `error` is asyncio.get_event_loop()'s "no current event loop" (the old idiom for
    getting a loop) or another function's "no running event loop"; return for anything else, which the caller lets
    through to the plugin or judges itself."""
    if not isinstance(error, RuntimeError) or isinstance(error, NotImplementedError):
        return
    explain_no_running_loop(error, call, func)
    frames = [frame.f_code.co_name for frame, _ in traceback.walk_tb(error.__traceback__)]
    if "no current event loop" not in str(error).lower() and "get_event_loop" not in frames:
        return
    called = _asyncio_function_called(error)
    raised, at = f"{call} raised RuntimeError: {str(error).rstrip('.')}", student_line(error, func) or func
    if called == "gather" and _gathered(error):  # coroutines only: gather wraps them in tasks of the current loop
        fail(
            f"{raised}, from asyncio.{called}(): given coroutines and no task or future, it makes tasks of them on"
            " the current loop, and none is set",
            expected="asyncio.gather() gets tasks of your loop, or the coroutine runs on your loop directly",
            fix="Make the tasks on your loop first, `loop.create_task(coro)`, or run the coroutine itself:"
            " `loop.run_until_complete(coro)`, in a try/except if you want its exception kept for later.",
            at=at,
        )
    if called == "gather":  # asyncio.gather() of nothing: no awaitable to take a loop from
        fail(
            f"{raised}, from asyncio.{called}(): given no task or future to take a loop from, it looks up the"
            " current loop, and none is set",
            expected="asyncio.gather() and its kind get the tasks to wait for, or are not called when there are none",
            fix="Wait only when something is pending: `pending = asyncio.all_tasks(loop)`, then"
            " `if pending: loop.run_until_complete(asyncio.gather(*pending))`.",
            at=at,
        )
    if _makes_a_loop(func):
        fail(
            f"{raised}. asyncio.get_event_loop() looks up the current loop, and asyncio.new_event_loop() does not"
            " make the loop it returns current",
            expected="the loop the function made is named wherever a loop is needed",
            fix="Use the loop you made: `asyncio.all_tasks(loop)`, `loop.create_task(...)`,"
            " `loop.run_until_complete(...)`; asyncio.get_event_loop() cannot find it.",
            at=at,
        )
    fail(
        f"{raised}. asyncio.get_event_loop() only looks up a current loop, and none is set when it is called",
        expected="the function makes a new loop with asyncio.new_event_loop() and runs the coroutine on it",
        fix=NEW_LOOP,
        at=at,
    )


def _gathered(error: BaseException) -> tuple[Any, ...]:
    """What asyncio.gather() was given, read from its frame in `error`'s traceback (() when it is not there)."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_name == "gather" and "coros_or_futures" in frame.f_locals:
            return tuple(frame.f_locals["coros_or_futures"])
    return ()


def _makes_a_loop(func: Callable[..., Any]) -> bool:
    """Whether the student's function calls new_event_loop() (read from its source: the call failed before the
    loop spy could tell the story), so that the fix is to use that loop rather than to make one."""
    try:
        return "new_event_loop(" in inspect.getsource(func)
    except (OSError, TypeError):
        return False


def run(
    func: Callable[[Coroutine[Any, Any, Any]], Any], coro: Coroutine[Any, Any, Any], call: str | None = None
) -> Any:
    """`func(coro)`, the student's function; the "no current event loop" of asyncio.get_event_loop() is explained."""
    try:
        return func(coro)
    except RuntimeError as error:
        explain_missing_loop(error, call or f"{getattr(func, '__name__', func)}(coro)", func)
        raise
