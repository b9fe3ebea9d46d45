"""Grade a submission: each exercise's suite in its own pytest process, judged from outside.

The student's code runs in that process, so the parent decides everything. `grader.suite_process` runs one
process and reports what it told on the private event pipe; this module turns that into results: it re-runs in a
fresh process the checks that never ran because an earlier one hung or took the process down (and, once, those
that a dying fork server took down with it), has
`grader.run_endings` say why a check was stopped (its time limit, with where the student's code was; a crash; too
much output), and bounds the exercise's total time. A check without a result is a failed check, never a passed
one. `grade` runs several exercises at once, each next exercise's process already starting while the current ones
run their checks.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Protocol

from grader.catalog import Exercise
from grader.errors import InternalError, NoSubmission
from grader.identity import grader_version
from grader.locate import Located, anything_found, elsewhere, moved_note, near_message
from grader.messages import SYMBOLIC_LINK
from grader.model import NOT_RUN, CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.run_endings import import_crash, not_begun, scoreless_check, stopped_check
from grader.suite_events import SuiteRun
from grader.suite_index import SuiteCheck, read_suite
from grader.suite_process import Cancellation, SuiteProcess, WarmStart, expect_several, run_suite, stop_suite
from grader.workspace import MAX_FILE_BYTES, copy_file, copy_submission, file_size, fill_workspace, remove


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
    jobs = max(1, min(jobs or DEFAULT_JOBS_PER_CPU * usable_cpus(), len(exercises) or 1))
    cancellation = Cancellation()
    # Longest first when several run at once: nine exercises on two workers otherwise ended on 09 alone, 0.6 s of a
    # 3.7 s grading. One job is the quiet way to grade: nothing runs ahead, in course order.
    order = sorted(exercises, key=lambda e: -e.grading_seconds) if jobs > 1 else exercises
    if len(exercises) > 1:
        expect_several()
    queue = _Queue(order, ahead=jobs > 1)
    work = partial(_grade_queued, queue, root, cancellation, time_limit, progress)
    try:
        graded = _in_workers(work, jobs, cancellation)
    finally:
        queue.close()
    by_id = {result.id: result for result in graded}
    return SubmissionResult(
        [by_id[e.id] for e in exercises], grader_version=grader_version(), duration=time.perf_counter() - started
    )


def _grade_queued(
    queue: _Queue, root: Path, cancellation: Cancellation, time_limit: float | None, progress: Progress | None
) -> list[ExerciseResult]:
    """One worker's share: the exercises it takes from `queue` until none is left, graded one after the other."""
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


def _in_workers(
    work: Callable[[], list[ExerciseResult]], jobs: int, cancellation: Cancellation
) -> list[ExerciseResult]:
    """What `jobs` workers, each running `work`, graded together."""
    if jobs == 1:  # Ctrl-C interrupts the one run in this thread, which then kills its process group
        return work()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = [pool.submit(work) for _ in range(jobs)]
        try:  # as each worker ends, not in order: a worker's error must not wait for the others to end
            return [result for run in as_completed(runs) for result in run.result()]
        except BaseException:  # Ctrl-C, or an internal error in one run: the others' grades are moot
            cancellation.cancel()  # else leaving the pool would wait for the other runs to end by themselves
            raise


def require_submission(root: Path, exercises: list[Exercise]) -> None:
    """Raise `NoSubmission` unless `root` is something to grade: a folder with `exercises/`, or one where exercise
    files (or files like them) are found elsewhere (`grader.locate`), e.g. loose, as Gradescope takes them."""
    if not (root / "exercises").is_dir() and not anything_found(root, [e.filename for e in exercises]):
        raise NoSubmission(f"{root} has no exercises/ folder: run the grader in your copy of the kit, or pass --path")


DEFAULT_JOBS_PER_CPU = 2
"""Exercises graded at once per CPU. A grading mostly waits (the fake servers' latency, the loop's heartbeat, 09's
blocking steps, 04's pools), and a forked suite process costs little CPU to start: the kit's solutions grade in 3.2 s
with four at once on two cores, 4.2 s with two. The kit's own tests grade four at once on two cores all the time."""


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
    with _private_copy(root, exercise, warm) as (workspace, process):
        suite = _suite_checks(exercise)
        result = ExerciseResult(exercise.id, exercise.slug, exercise.title, exercise.relpath, checks=[])
        located = _graded_from_elsewhere(root, exercise, workspace, result)
        if not (workspace / exercise.relpath).exists():
            message = _missing_message(root, exercise, located)
            _fail_all(result, exercise, suite, Status.ERROR, Outcome.MISSING, message)
        else:
            _grade_in(workspace, exercise, suite, result, cancellation, process, on_check)
    result.duration = time.perf_counter() - started
    return result


@contextlib.contextmanager
def _private_copy(root: Path, exercise: Exercise, warm: WarmStart | None) -> Iterator[tuple[Path, SuiteProcess | None]]:
    """A private copy of the submission's files at `root`, and the pytest process waiting to grade it: in the warm
    start's workspace, with its process, when `warm` was started for `exercise` and that process is still alive;
    a fresh copy and no process otherwise. Whatever happens, the process is stopped, `warm` closed and the copy
    removed afterwards."""
    process = workspace = None
    try:
        process = warm.take() if warm is not None and warm.exercise.id == exercise.id else None
        workspace = fill_workspace(warm.workspace, root) if process else copy_submission(root)
        yield workspace, process
    finally:
        if process is not None:
            stop_suite(process)
        if warm is not None:
            warm.close()
        if workspace is not None:
            remove(workspace)


def _suite_checks(exercise: Exercise) -> dict[str, SuiteCheck]:
    """The checks of the exercise's suite by name, read from its source; an `InternalError` unless they are the very
    checks that exercises.toml lists (a kit out of step with itself grades nothing)."""
    suite = {c.name: c for c in read_suite(exercise.suite)}
    missing = [c.name for c in exercise.checks if c.name not in suite]
    if missing or len(suite) != len(exercise.checks):
        raise InternalError(f"{exercise.suite.name} and exercises.toml disagree on the checks of {exercise.id}")
    return suite


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
    time_left = exercise.total_time_limit  # start-ups, imports and collection do not count: a busy machine is no fault
    fresh = False
    while pending:
        if time_left <= 0:
            done.update(_out_of_time(exercise, suite, pending))
            result.outcome = result.outcome.worse(Outcome.TIMEOUT)
            break
        failed = [n for n, r in done.items() if not r.passed]
        run = run_suite(exercise, workspace, pending, failed, cancellation, time_left, process, on_check, fresh)
        process = None  # a re-run of the checks left over gets a fresh process
        # Its fork server died (out of memory, say) and took the run with it: what it left unfinished is run again,
        # once, in a process of the grader's own, rather than failed for what the student did not do; so it is
        # charged its finished checks only.
        run_again = run.lost_server and not fresh
        time_left -= run.checked if run_again else run.checking
        cancellation.check()  # a run killed by a cancellation says nothing about the student
        if run_again:
            fresh = True
            done.update(_scored(run, exercise, suite))
            pending = [n for n in pending if n not in done]
            continue
        if _import_ended(run, exercise, suite, result, workspace):
            return
        done.update(_scored(run, exercise, suite))
        result.outcome = result.outcome.worse(_unfinished(run, exercise, suite, workspace, pending, done))
        pending = [n for n in pending if n not in done]
    result.checks = [done[c.name] for c in exercise.checks]
    if result.outcome is Outcome.OK and any(c.status is Status.TIMEOUT for c in result.checks):
        result.outcome = Outcome.TIMEOUT


def _out_of_time(exercise: Exercise, suite: dict[str, SuiteCheck], pending: list[str]) -> dict[str, CheckResult]:
    """The checks `pending` once the checks before them took the exercise's whole time: timed out, never run."""
    return {
        name: scoreless_check(
            exercise, suite[name], Status.TIMEOUT,
            f"{NOT_RUN}: the checks before it took all the {exercise.total_time_limit:g} s this exercise may take",
            fix="Fix the endless loop or blocking call that the timed-out checks point at, then grade again.",
        )
        for name in pending
    }  # fmt: skip


def _import_ended(
    run: SuiteRun, exercise: Exercise, suite: dict[str, SuiteCheck], result: ExerciseResult, workspace: Path
) -> bool:
    """Whether the student's module failed or never finished its import in `run`: then every check fails with
    why, in `result`."""
    if run.import_failure is not None:
        failure = run.import_failure
        location = Location.from_dict(failure.get("location"))
        _fail_all(result, exercise, suite, Status.ERROR, Outcome(failure["outcome"]), failure["message"], location)
        return True
    if not run.imported:
        _fail_all(result, exercise, suite, *import_crash(exercise, run, workspace))
        return True
    return False


def _scored(run: SuiteRun, exercise: Exercise, suite: dict[str, SuiteCheck]) -> dict[str, CheckResult]:
    """The results `run` reported for this exercise's checks, with their titles and points."""
    scored = {}
    for name, check in run.results.items():
        if name not in suite:
            continue  # not a check of this exercise: nothing the plugin sends, so nothing to believe
        points = exercise.check(name).points
        check.title, check.max_score = suite[name].title, points
        check.score = points if check.passed else 0
        scored[name] = check
    return scored


def _unfinished(
    run: SuiteRun,
    exercise: Exercise,
    suite: dict[str, SuiteCheck],
    workspace: Path,
    pending: list[str],
    done: dict[str, CheckResult],
) -> Outcome:
    """Put in `done` the check `run` was stopped in, and, when the run finished none of `pending`, all of them
    with why; returns what that says of the exercise (OK when the run ended as it should)."""
    outcome = Outcome.OK
    if run.running in suite and run.running not in done:
        done[run.running] = stopped_check(exercise, suite[run.running], run, workspace)
        outcome = Outcome.TIMEOUT if run.ended_in == "timeout" else Outcome.CRASHED
    if not any(n in done for n in pending):
        status, begun_outcome, message, location, fix = not_begun(exercise, run, workspace)
        for name in pending:
            done[name] = scoreless_check(exercise, suite[name], status, message, fix=fix, location=location)
        outcome = outcome.worse(begun_outcome)
    return outcome


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
        scoreless_check(exercise, suite[c.name], status, message, location=location, fix=fix) for c in exercise.checks
    ]
