"""What a student leaves in for running the file by hand, `breakpoint()` and `input()`, told in their words.

Grading runs each suite with no keyboard and no debugger: without this, a leftover `breakpoint()` ran pytest's
debugger wrapper against a closed stdin (and read as the student changing the grader's code), and `input()` said
"I/O operation on closed file".
"""

from __future__ import annotations

import sys
from typing import Any

from grader.model import Location
from grader.student_code import student_frame


class BreakpointInGrading(BaseException):
    """Raised from `breakpoint()` while grading. A BaseException, like KeyboardInterrupt, so that a student's
    `except Exception` does not swallow it (the check's verdict comes from the call noted anyway)."""


def stop_at_breakpoints(root: str, noted: list[Location | None]) -> None:
    """From now on `breakpoint()` in the student's files (under `root`) is noted in `noted` and raises
    BreakpointInGrading instead of starting a debugger."""

    def breakpoint_in_grading(*args: Any, **kwargs: Any) -> None:
        where = student_frame(sys._getframe(1), root)
        noted.append(where)
        raise BreakpointInGrading("breakpoint() called while grading")

    sys.breakpointhook = breakpoint_in_grading


def _in_function(where: Location | None) -> str:
    """ " in fetch_status", for a line in a function the student named; "" for the top level or a comprehension."""
    named = where is not None and where.function and not where.function.startswith("<")
    return f" in {where.function}" if named else ""


def breakpoint_message(where: Location | None) -> tuple[str, str]:
    """What happened and the fix, for a `breakpoint()` call at `where`."""
    happened = f"your code called breakpoint(){_in_function(where)}, and grading has no debugger to stop in"
    fix = (
        "Remove the breakpoint() call before grading: it is for running the file yourself. The checks run your"
        " functions with no keyboard and no debugger, and nothing after the breakpoint() ran."
    )
    return happened, fix


def input_message(where: Location | None, at: str = "") -> str:
    """What happened, for an `input()` call at `where` (`at` says where in words, for a message with no location)."""
    return f"your code called input(){_in_function(where)}{at}, and grading has no keyboard to type on"


INPUT_FIX = (
    "input() waits for someone to type, and the checks run with no keyboard: your functions get what they need"
    " as arguments. Remove the input() call, or put code that tries your functions by hand under"
    ' `if __name__ == "__main__":`.'
)


def called_input(exc: BaseException, line: str) -> bool:
    """Whether `exc`, raised at the student's `line`, comes from `input()` reading the keyboard grading lacks (its
    stdin is closed: "I/O operation on closed file", which says nothing to a student)."""
    return "input(" in line and isinstance(exc, (EOFError, ValueError, OSError))


def input_fix(exc: BaseException, line: str) -> str | None:
    """The fix when `exc`, raised at the student's `line`, comes from `input()`."""
    return INPUT_FIX if called_input(exc, line) else None
