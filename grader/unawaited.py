"""Coroutines that the student's code made and never awaited, named with their line.

Calling an async def function without `await` only builds a coroutine object; nothing in it runs, and Python
says so only in a RuntimeWarning ("coroutine 'sleep' was never awaited") when the object is dropped, which a
student never sees in a grader's output. What the check sees is the consequence (a result set at once, a
future never set), which points nowhere near the cause. So the suite process records where each coroutine is
made (`sys.set_coroutine_origin_tracking_depth`) and notes each one dropped unawaited during a check, and a
failing check whose code dropped one also says which call lacks its `await`.

The notes are taken where CPython reports a dropped coroutine, `warnings._warn_unawaited_coroutine` (called for
every one, on 3.10 to 3.13), which is wrapped rather than replaced: the warning itself is given as before, and no
code of this module stands between a check and its outcome, so nothing the student rebinds (the warnings
machinery, contextlib) can turn a failed check into a passed one.
"""

from __future__ import annotations

import ast
import asyncio.events as asyncio_events
import gc
import linecache
import os
import sys
import traceback
import warnings
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Any

from grader.diagnose import Verdict
from grader.model import Location
from grader.student_code import coroutine_location, student_file

ORIGIN_DEPTH = 8
"""Frames noted per coroutine made: enough to reach the student's line through a helper or two of asyncio's."""
MOST = 5
"""Dropped coroutines noted per check at most: a loop that drops one per turn must not fill the memory."""


@dataclass(frozen=True)
class Unawaited:
    """A coroutine the student's code made and dropped without awaiting it."""

    name: str
    """The async def function's qualified name: 'sleep'."""
    location: Location
    """Where the student's code called it."""
    source: str
    """That line's text: 'asyncio.sleep(delay)'."""
    in_a_running_loop: bool = False
    """Whether a loop was running in the thread that dropped it: a plain def that a coroutine called (ex01's
    make_request), where the coroutine is to be scheduled as a task, not run with run_until_complete."""


class UnawaitedWatch:
    """Notes the coroutines of the student's code dropped unawaited while a check runs (`start`, then `found`)."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.found: list[Unawaited] = []
        self._watching = False

    def install(self) -> None:
        """Record where coroutines are made from now on, and wrap CPython's report of a dropped one (once)."""
        sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)
        report = getattr(warnings, "_warn_unawaited_coroutine", None)
        if report is None:  # another Python: no notes, the checks are as before
            return

        def noting(coro: Any) -> None:
            if self._watching and len(self.found) < MOST:
                try:
                    if (unawaited := _of(coro, self.root)) is not None and unawaited not in self.found:
                        self.found.append(unawaited)
                except Exception:  # a note is a nicety; the warning below must still be given
                    pass
            report(coro)

        warnings._warn_unawaited_coroutine = noting

    def start(self, *, after_a_failure: bool = False) -> None:
        """Watch from now on. `after_a_failure`: an earlier check failed, so coroutines its code dropped may still
        wait in a reference cycle (its traceback's frames); they are collected now, before watching starts, rather
        than during this check, whose message would name a line it never ran (about 10 ms, paid only then)."""
        if after_a_failure:
            gc.collect()
        self.found, self._watching = [], True

    def stop(self) -> list[Unawaited]:
        self._watching = False
        return self.found


def _of(coro: Any, root: str) -> Unawaited | None:
    if (made := coroutine_location(coro, root)) is None:
        return None
    source = linecache.getline(os.path.join(root, made.file), made.line).strip()
    running = asyncio_events._get_running_loop() is not None
    return Unawaited(getattr(coro, "__qualname__", "") or "a coroutine", made, source, running)


def note_unawaited(verdict: Verdict, unawaited: list[Unawaited], tb: TracebackType | None, root: str) -> Verdict:
    """`verdict` (a failed check's) with the first never-awaited coroutine added to what happened: often the
    cause, but not always the only mistake, so the check's own fix stays, after the missing `await` unless it
    speaks of one already. A coroutine made on a line that the
    failure itself came through is left out: handed to a call that raised (`asyncio.run(main())` inside a running
    loop), it was dropped because of that error, which the verdict explains already."""
    raised_through = set()
    for frame, lineno in traceback.walk_tb(tb):
        if rel := student_file(frame.f_code.co_filename, root):
            raised_through.add((rel, lineno))
    candidates = [u for u in unawaited if (u.location.file, u.location.line) not in raised_through]
    if not candidates:
        return verdict
    first = candidates[0]
    call = f"`{first.source}`" if first.source else f"a call of {first.name}()"
    plain = _in_a_plain_def(root, first.location)
    note = (
        f"; meanwhile {call} on line {first.location.line} never ran: it only made a coroutine object, which runs"
        + (" once a loop runs it (it is in a plain def, where `await` cannot go)" if plain else
           " once awaited (or scheduled as a task)")
    )  # fmt: skip
    where, made = verdict.location, first.location
    # A location earlier in the same function is its `def` line, which says less than the line without `await`.
    same_function = where is not None and (where.file, where.function) == (made.file, made.function)
    if where is None or (same_function and where.line < made.line):
        where = made
    fix = verdict.fix
    if "await" not in (fix or "").lower() and "create_task" not in (fix or ""):
        # The check's own fix is about what it saw, which a call that never ran may explain away: that call first.
        if plain and first.in_a_running_loop:
            # A plain def that running code called: run_until_complete would raise "This event loop is already
            # running", and `await` cannot go there; the running loop takes it as a task.
            start = (
                f"Start with line {made.line}: that function runs while a loop is running (a coroutine called it),"
                " so schedule the coroutine on that loop, `asyncio.create_task(...)` around the call."
            )
        elif plain:
            start = (
                f"Start with line {made.line}: run that coroutine on your loop, `loop.run_until_complete(...)` around"
                " the call."
            )
        else:
            start = (
                f"Start with line {made.line}: put `await` in front of that call (or schedule it with"
                " asyncio.create_task)."
            )
        fix = f"{start} Then, if this check still fails: {fix}" if fix else start
    return replace(verdict, message=verdict.message + note, location=where, fix=fix)


def _in_a_plain_def(root: str, made: Location) -> bool:
    """Whether the student's line `made` lies in a plain `def` (not an `async def`, where `await` could go): the
    innermost function around it, read from their file."""
    try:
        tree = ast.parse("".join(linecache.getlines(os.path.join(root, made.file))))
    except (SyntaxError, ValueError):
        return False
    innermost = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.lineno <= made.line <= (
            node.end_lineno or node.lineno
        ):
            if innermost is None or node.lineno >= innermost.lineno:
                innermost = node
    return isinstance(innermost, ast.FunctionDef)
