"""Why a suite's run ended before its checks did, in words for the student: a check stopped (its time limit, too
much output, a crash), an import that never finished, a process that went away between two checks.

The words come from the run's exit status and, after a hang, from faulthandler's dump of where the student's code
was (the tail of the process's output).
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path
from typing import Any

from grader.catalog import Exercise
from grader.errors import InternalError
from grader.messages import clip, timeout_fix
from grader.model import CheckResult, Location, Outcome, Status
from grader.suite_events import OUTPUT_LIMIT, SuiteRun
from grader.suite_index import SuiteCheck
from grader.workspace import read_capped

_OUTPUT_LIMIT_MB = OUTPUT_LIMIT // 1024**2
"""`OUTPUT_LIMIT` as the messages say it."""
_FAULTHANDLER_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<func>\S+)')


def not_begun(
    exercise: Exercise, run: SuiteRun, workspace: Path
) -> tuple[Status, Outcome, str, Location | None, str | None]:
    """Why a run whose module was imported ended before any check it was given began (or between two of them):
    status, outcome, message, the student's line and the fix (in `import_crash`'s order). Never the process's own
    output: once the student's code has flooded it, or the process hung and faulthandler dumped where, that is junk
    or the grader's own frames."""
    if run.collect_error is not None:
        message = f"the checks could not be loaded after {exercise.relpath} was imported: {run.collect_error}"
        fix = (
            "Keep the top level of your file to imports and definitions: what runs there when the file is"
            " imported (opening files without closing them, replacing modules) left the checks unable to load."
        )
        return Status.CRASHED, Outcome.CRASHED, message, None, fix
    if run.ended_in == "output":
        message = (f"the check could not begin: your code printed more than {_OUTPUT_LIMIT_MB} MB outside"
                   " the checks (a thread it started, say) and was stopped")  # fmt: skip
        fix = "Look for a print() in a loop, in a thread above all, and print only what the exercise asks for."
        return Status.CRASHED, Outcome.CRASHED, message, None, fix
    if run.ended_in == "timeout":  # whether its own deadline or the exercise's came first, no check had begun
        message = (
            "the check could not begin: the process stopped responding outside the checks, after the import or"
            " between two of them (code of yours that runs meanwhile, a thread say, never let go)"
        )
        where, line = _stuck_at(run, workspace)
        return Status.TIMEOUT, Outcome.TIMEOUT, message, where, timeout_fix(line)
    message = f"the check could not be run: {_describe_exit(run.returncode)} before it began"
    return Status.CRASHED, Outcome.CRASHED, message, None, None


def _tail(run: SuiteRun, lines: int) -> str:
    """The last `lines` lines the process printed, on one line, for a maintainer's error."""
    text = run.output.decode("utf-8", "replace").strip().splitlines()
    return " / ".join(text[-lines:]) if text else f"the process ended with code {run.returncode}"


def _stuck_at(run: SuiteRun, workspace: Path) -> tuple[Location | None, str]:
    """The student's innermost frame in faulthandler's dump of the main thread, if it printed one, and the source
    line there ("" without one)."""
    text = run.output.decode("utf-8", "replace")
    start = text.rfind("Current thread")
    if start < 0:
        start = text.rfind("Thread 0x")
    exercises = str(workspace / "exercises") + os.sep
    # faulthandler writes what is not ASCII as escapes (\xfc), as backslashreplace does: a TMPDIR named in any
    # language must still be recognised.
    prefixes = (exercises, exercises.encode("ascii", "backslashreplace").decode("ascii"))
    for match in _FAULTHANDLER_FRAME.finditer(text, max(start, 0)):
        file = match["file"]
        prefix = next((p for p in prefixes if file.startswith(p)), None)
        inside = file[len(prefix) :] if prefix is not None else ""
        if inside and not ("/" + inside).endswith("/util.py"):  # the given util.py: not theirs (as in student_file)
            where = Location("exercises/" + inside, int(match["line"]), match["func"])
            return where, _line_of(workspace / where.file, where.line)
    return None, ""


def _line_of(path: Path, number: int) -> str:
    """Line `number` (1-based) of the student's file at `path`, read as any of their files is; "" when there is none.
    Not linecache: the grader's own process outlives many submissions, and would keep every one of them."""
    lines = (read_capped(path) or b"").decode("utf-8", "replace").splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _describe_exit(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:  # a realtime signal (SIGRTMIN + n) has a number and no name
            name = f"signal {-returncode}"
        memory = " (out of memory?)" if name == "SIGKILL" else ""
        return f"the process was killed by {name}{memory}"
    if returncode == 120:  # Python's own code for output it could not write out as it ended
        return (
            "the process exited with code 120: Python could not write its output out as it ended (does your code"
            " close sys.stdout or sys.stderr, or their file descriptors 1 and 2?)"
        )
    return f"the process exited with code {returncode} (does your code call os._exit()?)"


def stopped_check(exercise: Exercise, suite_check: SuiteCheck, run: SuiteRun, workspace: Path) -> CheckResult:
    if run.ended_in == "timeout":
        where, line = _stuck_at(run, workspace)
        limit = (f"when the exercise's checks had taken {exercise.total_time_limit:g} s in all" if run.out_of_time
                 else f"within {exercise.time_limit:g} s")  # fmt: skip
        return scoreless_check(
            exercise, suite_check, Status.TIMEOUT,
            f"the check did not finish {limit}",
            fix=timeout_fix(line),
            location=where,
        )  # fmt: skip
    if run.ended_in == "output":
        return scoreless_check(
            exercise, suite_check, Status.CRASHED,
            f"the check printed more than {_OUTPUT_LIMIT_MB} MB and was stopped",
            fix="Look for a print() in a loop (a debugging print run thousands of times is enough), and print only"
            " what the exercise asks for.",
        )  # fmt: skip
    return scoreless_check(exercise, suite_check, Status.CRASHED, f"{_describe_exit(run.returncode)} during this check")


TOP_LEVEL_FIX = (
    "The top level of your file runs whenever it is imported, by the grader as by a worker process: keep imports and"
    ' definitions there, and put the code that tries your functions under `if __name__ == "__main__":`.'
)


def import_crash(
    exercise: Exercise, run: SuiteRun, workspace: Path
) -> tuple[Status, Outcome, str, Location | None, str | None]:
    """Why the student's module never finished importing: status, outcome, message, the line and the fix."""
    if not run.started:
        raise InternalError(f"the suite of exercise {exercise.id} did not start: {_tail(run, 20)}")
    if run.ended_in == "timeout":
        message = f"importing {exercise.relpath} did not finish within {exercise.time_limit:g} s"
        where, line = _stuck_at(run, workspace)
        if where is None:
            return Status.TIMEOUT, Outcome.TIMEOUT, f"{message}: is there an endless loop at the top level?", None, None
        line = " ".join(line.split())
        message += f": it was still running line {where.line}" + (f", `{clip(line, 80)}`" if line else "")
        return Status.TIMEOUT, Outcome.TIMEOUT, message, where, TOP_LEVEL_FIX
    if run.ended_in == "output":
        message = f"importing {exercise.relpath} printed more than {_OUTPUT_LIMIT_MB} MB and was stopped"
        return Status.CRASHED, Outcome.CRASHED, message, None, None
    message = f"importing {exercise.relpath} stopped the grader: {_describe_exit(run.returncode)}"
    return Status.CRASHED, Outcome.CRASHED, message, None, None


def scoreless_check(
    exercise: Exercise, suite_check: SuiteCheck, status: Status, message: str, **details: Any
) -> CheckResult:
    points = exercise.check(suite_check.name).points
    return CheckResult(suite_check.name, suite_check.title, status, 0, points, message, **details)
