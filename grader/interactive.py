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


def breakpoint_message(where: Location | None) -> tuple[str, str]:
    """What happened and the fix, for a `breakpoint()` call at `where`."""
    place = f" in {where.function}" if where and where.function and where.function != "<module>" else ""
    happened = f"your code called breakpoint(){place}, and grading has no debugger to stop in"
    fix = (
        "Remove the breakpoint() call before grading: it is for running the file yourself. The checks run your"
        " functions with no keyboard and no debugger, and nothing after the breakpoint() ran."
    )
    return happened, fix


def input_fix(exc: BaseException, line: str) -> str | None:
    """The fix when `exc`, raised at the student's `line`, comes from `input()` reading a keyboard grading lacks."""
    if "input(" not in line or not isinstance(exc, (EOFError, ValueError, OSError)):
        return None
    return (
        "input() waits for someone to type, and the checks run with no keyboard: your functions get what they need"
        " as arguments. Remove the input() call, or put code that tries your functions by hand under"
        ' `if __name__ == "__main__":`.'
    )
