"""The worker pool: every (student, exercise) pair is one job, `jobs` of them graded at once.

Each job is the core's `grade_exercise` (its own pytest process in a fresh copy of the student's files, confined
by `grader.sandbox`), run from a thread of this process: the threads only wait on pipes, so the grader itself
stays small. Jobs are queued student by student, so students finish roughly in order and each is reported (and
saved) as soon as their last exercise is done. At most a few jobs per worker are queued at a time, whatever the
size of the class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from grader.batch.discovery import Student
from grader.batch.stubs import StubShortcut
from grader.catalog import Exercise
from grader.errors import GradingCancelled, InternalError
from grader.identity import grader_version
from grader.model import CheckResult, ExerciseResult, Outcome, Status, SubmissionResult
from grader.runner import grade_exercise
from grader.suite_index import read_suite
from grader.suite_process import Cancellation

RETRIES = 1
"""Extra attempts when the grader itself fails on an exercise (a suite that could not even start, on a machine
out of processes or memory); a student's code failing is a result, never retried."""


@dataclass
class Graded:
    """A student whose last exercise has been graded: their result, or why the grader could not grade them."""

    student: Student
    result: SubmissionResult | None
    error: str | None = None


@dataclass
class _Pending:
    student: Student
    results: dict[str, ExerciseResult] = field(default_factory=dict)
    error: str | None = None


def unavailable(exercise: Exercise, message: str) -> ExerciseResult:
    """The result of an exercise that cannot be graded at all: every check errs with `message`."""
    checks = [
        CheckResult(c.name, c.title, Status.ERROR, 0, exercise.check(c.name).points, message)
        for c in read_suite(exercise.suite)
    ]
    return ExerciseResult(exercise.id, exercise.slug, exercise.title, exercise.relpath, checks, Outcome.MISSING,
                          message)  # fmt: skip


class Pool:
    def __init__(self, exercises: list[Exercise], jobs: int, stubs: bool = True) -> None:
        self.exercises = exercises
        self.jobs = jobs
        self.cancellation = Cancellation()
        self.stubs = StubShortcut(self.cancellation) if stubs else None

    def cancel(self) -> None:
        """Stop now: kill the suites in progress; the students they belonged to are not reported."""
        self.cancellation.cancel()

    def _grade_one(self, student: Student, exercise: Exercise) -> ExerciseResult:
        if student.problem:
            return unavailable(exercise, student.problem)
        shortcut = self.stubs.result_for(exercise, student.root) if self.stubs else None
        if shortcut is not None:
            return shortcut
        retries = RETRIES
        while True:
            try:
                return grade_exercise(exercise, student.root, cancellation=self.cancellation)
            except InternalError:
                if retries == 0:
                    raise
                retries -= 1

    def grade(self, students: list[Student], on_done: Callable[[Graded], None]) -> None:
        """Grade `students`, calling `on_done` in this thread as each one is complete.

        On `KeyboardInterrupt` (or a `cancel()` from elsewhere, which raises `GradingCancelled`) the work in
        progress is killed and the exception propagates; students already reported stay reported.
        """
        jobs: Iterator[tuple[Student, Exercise]] = ((s, e) for s in students for e in self.exercises)
        pending = {s.id: _Pending(s) for s in students}
        running: dict[Future, tuple[Student, Exercise]] = {}
        with ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="grader") as executor:
            try:
                while True:
                    while len(running) < 2 * self.jobs:
                        job = next(jobs, None)
                        if job is None:
                            break
                        running[executor.submit(self._grade_one, *job)] = job
                    if not running:
                        break
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in [f for f in running if f in done]:  # in the order submitted, not the set's
                        student, exercise = running.pop(future)
                        if self._collect(pending[student.id], exercise, future, on_done):
                            del pending[student.id]  # reported: keep nothing more of them here
            except BaseException:
                self.cancel()
                for future in running:
                    future.cancel()
                raise

    def _collect(self, entry: _Pending, exercise: Exercise, future: Future, on_done: Callable[[Graded], None]) -> bool:
        """Take one finished job; report the student (and return True) once all their exercises are in."""
        try:
            entry.results[exercise.id] = future.result()
        except GradingCancelled:
            raise  # the batch is stopping; this student is not reported
        except Exception as exc:  # a bug or a broken machine: this student only, and say so
            entry.error = f"the grader failed on exercise {exercise.id}: {type(exc).__name__}: {exc}"
            entry.results[exercise.id] = unavailable(exercise, entry.error)
        if len(entry.results) < len(self.exercises):
            return False
        if entry.error:
            on_done(Graded(entry.student, None, entry.error))
            return True
        result = SubmissionResult(
            [entry.results[e.id] for e in self.exercises],
            grader_version=grader_version(),
            duration=sum(r.duration for r in entry.results.values()),
            student=entry.student.id,
        )
        on_done(Graded(entry.student, result))
        return True
