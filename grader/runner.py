"""Grade a submission: each exercise's suite in its own pytest process, judged from outside.

The student's code runs in that process, so the parent decides everything. `grader.suite_process` runs one
process and reports what it told on the private event pipe; this module turns that into results: it re-runs in a
fresh process the checks that never ran because an earlier one hung or took the process down, says why a check
was stopped (its time limit, with where the student's code was; a crash; too much output), and bounds the
exercise's total time. A check without a result is a failed check, never a passed one. `grade` runs several
exercises at once, each next exercise's process already starting while the current ones run their checks.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from grader.catalog import Exercise
from grader.errors import InternalError, NoSubmission
from grader.identity import grader_version
from grader.locate import Located, anything_found, elsewhere, moved_note, near_message
from grader.messages import SYMBOLIC_LINK, clip, timeout_fix
from grader.model import NOT_RUN, CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.suite_events import OUTPUT_LIMIT, SuiteRun
from grader.suite_index import SuiteCheck, read_suite
from grader.suite_process import Cancellation, SuiteProcess, WarmStart, run_suite, stop_suite
from grader.workspace import (
    MAX_FILE_BYTES,
    copy_file,
    copy_submission,
    file_size,
    fill_workspace,
    read_capped,
    remove,
)

_OUTPUT_LIMIT_MB = OUTPUT_LIMIT // 1024**2
"""`OUTPUT_LIMIT` as the messages say it."""
_FAULTHANDLER_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<func>\S+)')


class Progress(Protocol):
    """What a display of the grading under way is told, from the grading threads."""

    def check_started(self, exercise: Exercise, name: str) -> None: ...

    def exercise_done(self, result: ExerciseResult) -> None: ...


def grade(
    exercises: list[Exercise],
    root: Path,
    *,
    jobs: int | None = None,
    time_limit: float | None = None,
    progress: Progress | None = None,
) -> SubmissionResult:
    """Grade `exercises` of the submission at `root`, several at once when `jobs` allows.

    `time_limit` overrides every exercise's seconds per check (tests and impatient instructors use it); `progress`
    is told as each check starts and each exercise is done."""
    require_submission(root, exercises)
    started = time.perf_counter()
    jobs = max(1, min(jobs or usable_cpus(), len(exercises) or 1))
    cancellation = Cancellation()
    queue = _Queue(exercises, ahead=jobs > 1)  # one job is the quiet way to grade: nothing else runs meanwhile

    def work(_: int) -> list[ExerciseResult]:
        done = []
        while (taken := queue.take()) is not None:
            exercise, warm = taken
            on_check = partial(progress.check_started, exercise) if progress else None
            result = grade_exercise(
                exercise, root, cancellation=cancellation, time_limit=time_limit, warm=warm, on_check=on_check
            )
            if progress is not None:
                progress.exercise_done(result)
            done.append(result)
        return done

    try:
        if jobs == 1:  # Ctrl-C interrupts the one run in this thread, which then kills its process group
            graded = work(0)
        else:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                runs = [pool.submit(work, worker) for worker in range(jobs)]
                try:  # as each worker ends, not in order: a worker's error must not wait for the others to end
                    graded = [result for run in as_completed(runs) for result in run.result()]
                except BaseException:  # Ctrl-C, or an internal error in one run: the others' grades are moot
                    cancellation.cancel()  # else leaving the pool would wait for the other runs to end by themselves
                    raise
    finally:
        queue.close()
    by_id = {result.id: result for result in graded}
    return SubmissionResult(
        [by_id[e.id] for e in exercises], grader_version=grader_version(), duration=time.perf_counter() - started
    )


def require_submission(root: Path, exercises: list[Exercise]) -> None:
    """Raise `NoSubmission` unless `root` is something to grade: a folder with `exercises/`, or one where exercise
    files (or files like them) are found elsewhere (`grader.locate`), e.g. loose, as Gradescope takes them."""
    if not (root / "exercises").is_dir() and not anything_found(root, [e.filename for e in exercises]):
        raise NoSubmission(f"{root} has no exercises/ folder: run the grader in your copy of the kit, or pass --path")


class _Queue:
    """The exercises still to grade, in order, the next one's pytest process already starting.

    Python's and pytest's start-up is most of an exercise's grading, and it is CPU work, while the checks mostly
    wait (on timers, executors, mocked latency): starting the next process as a worker takes an exercise
    overlaps the two, and still no more than `jobs` exercises run their checks at once.
    """

    def __init__(self, exercises: list[Exercise], *, ahead: bool) -> None:
        self._todo = list(exercises)
        self._ahead = ahead
        self._warm: WarmStart | None = None
        self._lock = threading.Lock()

    def take(self) -> tuple[Exercise, WarmStart | None] | None:
        with self._lock:
            if not self._todo:
                return None
            exercise = self._todo.pop(0)
            warm, self._warm = self._warm, None
            try:
                if warm is not None and warm.exercise.id != exercise.id:
                    warm.close()
                    warm = None
                if self._todo and self._ahead:
                    with contextlib.suppress(OSError):  # no process to spare: that exercise starts from cold
                        self._warm = WarmStart(self._todo[0])
            except BaseException:  # Ctrl-C: the caller never gets `warm`, so nobody else would close it
                if warm is not None:
                    warm.close()
                raise
            return exercise, warm

    def close(self) -> None:
        with self._lock:
            self._todo.clear()
            if self._warm is not None:
                self._warm.close()
                self._warm = None


def usable_cpus() -> int:
    """The CPUs this process may run on: fewer than the machine has in a container or under taskset."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def grade_exercise(
    exercise: Exercise,
    root: Path,
    *,
    time_limit: float | None = None,
    cancellation: Cancellation | None = None,
    warm: WarmStart | None = None,
    on_check: Callable[[str], None] | None = None,
) -> ExerciseResult:
    """Grade one exercise of the submission at `root` in a private copy of its files; `on_check` is told the name
    of each check as it starts.

    Raises `GradingCancelled` (and grades nothing more) once `cancellation` is cancelled. A `warm` start made
    for this exercise beforehand serves the first run (this call takes it over and closes it in any case).
    """
    cancellation = cancellation or Cancellation()
    if time_limit is not None:
        exercise = replace(exercise, time_limit=time_limit)
    started = time.perf_counter()
    process = workspace = None
    try:
        suite = {c.name: c for c in read_suite(exercise.suite)}
        missing = [c.name for c in exercise.checks if c.name not in suite]
        if missing or len(suite) != len(exercise.checks):
            raise InternalError(f"{exercise.suite.name} and exercises.toml disagree on the checks of {exercise.id}")
        result = ExerciseResult(exercise.id, exercise.slug, exercise.title, exercise.relpath, checks=[])
        process = warm.take() if warm is not None and warm.exercise.id == exercise.id else None
        workspace = fill_workspace(warm.workspace, root) if process else copy_submission(root)
        located = _graded_from_elsewhere(root, exercise, workspace, result)
        if not (workspace / exercise.relpath).exists():
            message = _missing_message(root, exercise, located)
            _fail_all(result, exercise, suite, Status.ERROR, Outcome.MISSING, message)
        else:
            _grade_in(workspace, exercise, suite, result, cancellation, process, on_check)
    finally:
        if process is not None:
            stop_suite(process)
        if warm is not None:
            warm.close()
        if workspace is not None:
            remove(workspace)
    result.duration = time.perf_counter() - started
    return result


def _graded_from_elsewhere(root: Path, exercise: Exercise, workspace: Path, result: ExerciseResult) -> Located | None:
    """When nothing at all is at the exercise's path (not a link, not a large file), where else it is: a file of
    the very name is copied into `workspace` to be graded, and `result` says where it came from; near matches
    are only recorded, to be pointed at. None when the file is where it belongs (or is there but unusable)."""
    if (workspace / exercise.relpath).exists() or (located := elsewhere(root, exercise.filename)) is None:
        return None
    target = workspace / exercise.relpath
    if located.path is not None and copy_file(located.path, target):
        util = located.path.parent / "util.py"  # the given helper, when the student moved it along
        if not (workspace / "exercises" / "util.py").exists() and util.is_file() and not util.is_symlink():
            copy_file(util, workspace / "exercises" / "util.py")
        result.found, result.note = [located.relpath or ""], moved_note(root, located)
    elif located.near:
        result.found = list(located.near)
    return located


def _missing_message(root: Path, exercise: Exercise, located: Located | None) -> str:
    shown, original = exercise.relpath, root / exercise.relpath
    if original.is_symlink():
        return f"{shown} {SYMBOLIC_LINK}; the grader reads only regular files: put the file itself there"
    if located is not None and located.near:
        return near_message(root, located)
    if located is not None and located.path is not None:  # found elsewhere, but it could not be copied
        shown, original = located.relpath or shown, located.path
    size = file_size(original)
    if size == float("inf"):
        if original.exists() and not original.is_file():
            # "is missing: grader reset" sent a student whose folder (or FIFO) bears the file's name looking for a file
            what = "a folder" if original.is_dir() else "not a regular file"
            return f"{shown} is {what}; the grader reads only regular files: put your code in a file of that name"
        # "It is in the kit" left a student who deleted the file asking where: `grader reset` is the one command.
        return f"{shown} is missing: `grader reset {exercise.id}` puts the kit's file back, then try again"
    if size > MAX_FILE_BYTES:
        return f"{shown} is larger than {MAX_FILE_BYTES // 1000} kB, too large to be graded"
    return f"{shown} could not be read: check its permissions (`chmod u+r`) and try again"


def _grade_in(
    workspace: Path,
    exercise: Exercise,
    suite: dict[str, SuiteCheck],
    result: ExerciseResult,
    cancellation: Cancellation,
    process: SuiteProcess | None,
    on_check: Callable[[str], None] | None = None,
) -> None:
    done: dict[str, CheckResult] = {}
    pending = [c.name for c in exercise.checks]
    time_left = exercise.total_time_limit  # start-ups and imports do not count: a busy machine is no fault
    while pending:
        if time_left <= 0:
            for name in pending:
                done[name] = _check(
                    exercise, suite[name], Status.TIMEOUT,
                    f"{NOT_RUN}: the checks before it took all the {exercise.total_time_limit:g} s"
                    " this exercise may take",
                    fix="Fix the endless loop or blocking call that the timed-out checks point at, then grade again.",
                )  # fmt: skip
            result.outcome = result.outcome.worse(Outcome.TIMEOUT)
            break
        failed = [n for n, r in done.items() if not r.passed]
        run = run_suite(exercise, workspace, pending, failed, cancellation, time_left, process, on_check)
        process = None  # a re-run of the checks left over gets a fresh process
        time_left -= run.checking
        cancellation.check()  # a run killed by a cancellation says nothing about the student
        if run.import_failure is not None:
            failure = run.import_failure
            location = Location.from_dict(failure.get("location"))
            _fail_all(result, exercise, suite, Status.ERROR, Outcome(failure["outcome"]), failure["message"], location)
            return
        if not run.imported:
            _fail_all(result, exercise, suite, *_import_crash(exercise, run, workspace))
            return
        for name, check in run.results.items():
            if name not in suite:
                continue  # not a check of this exercise: nothing the plugin sends, so nothing to believe
            points = exercise.check(name).points
            check.title, check.max_score = suite[name].title, points
            check.score = points if check.passed else 0
            done[name] = check
        if run.running in suite and run.running not in done:
            done[run.running] = _stopped_check(exercise, suite[run.running], run, workspace)
            result.outcome = result.outcome.worse(Outcome.TIMEOUT if run.ended_in == "timeout" else Outcome.CRASHED)
        progress = [n for n in pending if n in done]
        if not progress:
            status, outcome, message, location, fix = _not_begun(exercise, run, workspace)
            for name in pending:
                done[name] = _check(exercise, suite[name], status, message, fix=fix, location=location)
            result.outcome = result.outcome.worse(outcome)
        pending = [n for n in pending if n not in done]
    result.checks = [done[c.name] for c in exercise.checks]
    if result.outcome is Outcome.OK and any(c.status is Status.TIMEOUT for c in result.checks):
        result.outcome = Outcome.TIMEOUT


def _not_begun(
    exercise: Exercise, run: SuiteRun, workspace: Path
) -> tuple[Status, Outcome, str, Location | None, str | None]:
    """Why a run whose module was imported ended before any check it was given began (or between two of them):
    status, outcome, message, the student's line and the fix (in `_import_crash`'s order). Never the process's own
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
    return f"the process exited with code {returncode} (does your code call os._exit()?)"


def _stopped_check(exercise: Exercise, suite_check: SuiteCheck, run: SuiteRun, workspace: Path) -> CheckResult:
    if run.ended_in == "timeout":
        where, line = _stuck_at(run, workspace)
        limit = (f"when the exercise's checks had taken {exercise.total_time_limit:g} s in all" if run.out_of_time
                 else f"within {exercise.time_limit:g} s")  # fmt: skip
        return _check(
            exercise, suite_check, Status.TIMEOUT,
            f"the check did not finish {limit}",
            fix=timeout_fix(line),
            location=where,
        )  # fmt: skip
    if run.ended_in == "output":
        return _check(
            exercise, suite_check, Status.CRASHED,
            f"the check printed more than {_OUTPUT_LIMIT_MB} MB and was stopped",
            fix="Look for a print() in a loop (a debugging print run thousands of times is enough), and print only"
            " what the exercise asks for.",
        )  # fmt: skip
    return _check(exercise, suite_check, Status.CRASHED, f"{_describe_exit(run.returncode)} during this check")


TOP_LEVEL_FIX = (
    "The top level of your file runs whenever it is imported, by the grader as by a worker process: keep imports and"
    ' definitions there, and put the code that tries your functions under `if __name__ == "__main__":`.'
)


def _import_crash(
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


def _check(exercise: Exercise, suite_check: SuiteCheck, status: Status, message: str, **details: Any) -> CheckResult:
    points = exercise.check(suite_check.name).points
    return CheckResult(suite_check.name, suite_check.title, status, 0, points, message, **details)


def _fail_all(
    result: ExerciseResult,
    exercise: Exercise,
    suite: dict[str, SuiteCheck],
    status: Status,
    outcome: Outcome,
    message: str,
    location: Location | None = None,
    fix: str | None = None,
) -> None:
    result.outcome = outcome
    result.message = message
    result.location = location
    result.checks = [
        _check(exercise, suite[c.name], status, message, location=location, fix=fix) for c in exercise.checks
    ]
