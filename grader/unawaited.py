"""Coroutines that the student's code made and never awaited, named with their line.

Calling an async def function without `await` only builds a coroutine object; nothing in it runs, and Python
says so only in a RuntimeWarning ("coroutine 'sleep' was never awaited") when the object is dropped, which a
student never sees in a grader's output. What the check sees is the consequence (a result set at once, a
future never set), which points nowhere near the cause. So the suite process records where each coroutine was
made (`sys.set_coroutine_origin_tracking_depth`), catches these warnings during every check, and a failing check
whose code dropped one also says which call lacks its `await`.
"""

from __future__ import annotations

import linecache
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from grader.diagnose import Verdict
from grader.model import Location
from grader.workspace import student_file

ORIGIN_DEPTH = 8
"""Frames noted per coroutine made: enough to reach the student's line through a helper or two of asyncio's."""


@dataclass(frozen=True)
class Unawaited:
    """A coroutine the student's code made and dropped without awaiting it."""

    name: str
    """The async def function's qualified name: 'sleep'."""
    location: Location
    """Where the student's code called it."""
    source: str
    """That line's text: 'asyncio.sleep(delay)'."""


def track_origins() -> None:
    """Note where each coroutine is made from now on (asyncio's debug mode does the same, deeper)."""
    sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)


@contextmanager
def catch_unawaited(root: str) -> Iterator[list[Unawaited]]:
    """Collect the never-awaited coroutines of the student's code dropped inside the block; every other warning
    is passed on as if this block were not there."""
    found: list[Unawaited] = []
    others: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)  # each one, not once per line
            try:
                yield found
            finally:
                for warning in caught:
                    unawaited = _from_warning(warning, root)
                    found.append(unawaited) if unawaited is not None else others.append(warning)
    finally:
        for warning in others:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno, source=warning.source
            )


def _from_warning(warning: warnings.WarningMessage, root: str) -> Unawaited | None:
    if not (issubclass(warning.category, RuntimeWarning) and "was never awaited" in str(warning.message)):
        return None
    coro: Any = warning.source
    origin = getattr(coro, "cr_origin", None) or ((warning.filename, warning.lineno, "?"),)
    for filename, lineno, function in origin:  # innermost first
        if rel := student_file(filename, root):
            source = linecache.getline(filename, lineno).strip()
            name = getattr(coro, "__qualname__", "") or "a coroutine"
            return Unawaited(name, Location(rel, lineno, None if function == "?" else function), source)
    return None


def note_unawaited(verdict: Verdict, unawaited: list[Unawaited]) -> Verdict:
    """`verdict` (a failed check's) with the first never-awaited coroutine added to what happened: often the
    cause, but not always the only mistake, so the check's own fix stays."""
    if not unawaited:
        return verdict
    first = unawaited[0]
    call = f"`{first.source}`" if first.source else f"a call of {first.name}()"
    note = (
        f"; meanwhile {call} on line {first.location.line} never ran: it only made a coroutine object, which runs"
        " once awaited (or scheduled as a task)"
    )
    where, made = verdict.location, first.location
    # A location earlier in the same function is its `def` line, which says less than the line without `await`.
    same_function = where is not None and (where.file, where.function) == (made.file, made.function)
    if where is None or (same_function and where.line < made.line):
        where = made
    return replace(verdict, message=verdict.message + note, location=where)
