"""Who drives the loop, and when its work is done: a loop kept past its run, run_until_complete called from code
the loop runs, asyncio.wait() of nothing, a future's result read before anything set it."""

from __future__ import annotations

import ast
import asyncio
import inspect
import re

from grader.asyncio_mistakes.frames import callers_frame, callers_statement


def kept_closed_loop(exc: BaseException) -> str | None:
    """For "Event loop is closed" from a loop the student's module keeps in a global (the running loop cached on a
    first call, say), the fix in their own name: that loop belonged to an earlier run, which closed it, and "close a
    loop last" would blame a close() they never wrote. None when no global of theirs holds a closed loop."""
    if "Event loop is closed" not in str(exc):
        return None
    frame, _ = callers_frame(exc)
    if frame is None:
        return None
    for name, value in frame.f_globals.items():
        if isinstance(value, asyncio.AbstractEventLoop) and value.is_closed():
            return (
                f"`{name}` keeps a loop from an earlier run, which closed it: each run (each asyncio.run, each"
                " test) has a loop of its own. Do not keep a loop for later: in code a loop runs, ask"
                " asyncio.get_running_loop() each time (and where you run a loop yourself, make a new one for each"
                " run)."
            )
    return None


def kept_other_loop(exc: BaseException) -> str | None:
    """For a future "attached to a different loop" on a line that uses a loop the student's module keeps in a global
    (`loop = asyncio.get_event_loop()` at the top of the file): the fix in their own name. That loop was made at
    import, and no check's loop is it; "one made with asyncio.new_event_loop()" would blame a call they never wrote.
    None when the line uses no such global."""
    if "attached to a different loop" not in str(exc):
        return None
    frame, line = callers_frame(exc)
    if frame is None:
        return None
    for name, value in frame.f_globals.items():
        if isinstance(value, asyncio.AbstractEventLoop) and re.search(rf"\b{re.escape(name)}\b", line):
            return (
                f"`{name}` holds a loop made when your module was imported, not the one running your coroutine: each"
                " run (each asyncio.run, each test) has a loop of its own. In a coroutine, ask for the loop that runs"
                " it, `loop = asyncio.get_running_loop()`, rather than keep one at the top of the file."
            )
    return None


def drove_the_running_loop_from_plain_code(exc: BaseException) -> str | None:
    """The fix for run_until_complete in a plain def that running code called (ex01's make_request): `await`, the
    fix in a coroutine, cannot go in a plain def, so the coroutine goes to the running loop as a task."""
    if not isinstance(exc, RuntimeError) or "This event loop is already running" not in str(exc):
        return None
    frame, _ = callers_frame(exc)
    if frame is None or frame.f_code.co_flags & (inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR):  # can await
        return None
    return (
        "run_until_complete drives a loop from outside; your function runs inside the running loop (a coroutine or"
        " a callback called it), and it is a plain def, where `await` cannot go either: schedule the coroutine on"
        " the running loop, `asyncio.create_task(...)`, which starts it once your function has returned."
    )


def waited_on_nothing(exc: BaseException) -> str | None:
    """For asyncio.wait() of an empty list in a coroutine (ns or urls empty): the fix there, in the name the student
    gave what they waited on (`tasks`, `futures`), read from their line; in words that name no variable when that is
    no plain name (a list comprehension, a call spread over lines). A loop driven by hand
    (`run_until_complete(asyncio.wait(pending))`, exercise 07) keeps the fix for waiting in a loop."""
    if not isinstance(exc, ValueError) or "/Futures is empty" not in str(exc):
        return None
    _, line = callers_frame(exc)
    if "run_until_complete" in line:
        return None
    waited = _waited_on(callers_statement(exc)[1])
    if waited is None:
        return (
            "asyncio.wait() refuses an empty collection, which an empty list of inputs gives: return [] early when"
            " there is nothing to wait for, or collect the results with `await asyncio.gather(...)` (the awaitables"
            " unpacked with `*`), which gives [] for none."
        )
    return (
        "asyncio.wait() refuses an empty collection, which an empty list of inputs gives: return early when there is"
        f" nothing to wait for (`if not {waited}: return []`), or collect the results with"
        f" `await asyncio.gather(*{waited})`, which gives [] for none."
    )


def _waited_on(statement: ast.Module) -> str | None:
    """The name the student's `asyncio.wait(name)` (or `wait(fs=name)`) hands its collection in, or None when that is
    no plain name or the line holds no such call."""
    for node in ast.walk(statement):
        if not isinstance(node, ast.Call) or getattr(node.func, "attr", getattr(node.func, "id", None)) != "wait":
            continue
        handed = node.args[:1] or [k.value for k in node.keywords if k.arg == "fs"]
        if handed and isinstance(handed[0], ast.Name):
            return handed[0].id
    return None


def returned_a_result(exc: BaseException) -> str | None:
    """For `return future.result()` in a function meant to hand out the future (ex01's make_request), the fix in the
    student's names: awaiting is the caller's business. None for any other line (a task's result read too soon)."""
    if not isinstance(exc, asyncio.InvalidStateError):
        return None
    statement = callers_statement(exc)[1].body[0]
    value = statement.value if isinstance(statement, ast.Return) else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "result"):
        return None
    if value.args or value.keywords:
        return None
    name = ast.unparse(value.func.value)
    return (
        f"`return {name}.result()` reads the result before anything has set it, and result() raises until then:"
        f" return the future itself, `return {name}`. Whoever awaits it gets the result once it is set."
    )
