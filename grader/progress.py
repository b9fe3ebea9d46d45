"""Where a student stands: each exercise's state (not started, failing, passed), points, and what comes next.

Cheap first: an untouched stub is "not started" without grading, and a file whose fingerprint matches the last
remembered verdict keeps that verdict. Only exercises edited since they were last graded are graded again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from grader import state as saved
from grader.catalog import Catalog, Exercise
from grader.model import ExerciseResult
from grader.pristine import file_fingerprint, is_untouched


class Stage(str, Enum):
    NOT_STARTED = "not started"
    FAILING = "failing"
    PASSED = "passed"
    MISSING = "missing"
    EDITED = "edited"
    """Changed since it was last graded, and not graded now (only when the caller asked not to grade)."""


def stage_of(result: ExerciseResult) -> Stage:
    if result.passed:
        return Stage.PASSED
    if result.not_started:
        return Stage.NOT_STARTED
    return Stage.FAILING


@dataclass(frozen=True)
class ExerciseProgress:
    exercise: Exercise
    stage: Stage
    score: int
    max_score: int
    outcome: str = "ok"
    """What became of its last grading as a whole (`grader.model.Outcome`), "ok" when its checks all ran."""


@dataclass(frozen=True)
class Overview:
    exercises: tuple[ExerciseProgress, ...]

    @property
    def passed(self) -> int:
        return sum(p.stage is Stage.PASSED for p in self.exercises)

    @property
    def score(self) -> int:
        return sum(p.score for p in self.exercises)

    @property
    def max_score(self) -> int:
        return sum(p.max_score for p in self.exercises)

    @property
    def next(self) -> ExerciseProgress | None:
        """The first exercise in course order that does not pass yet, or None when all of them do."""
        return next((p for p in self.exercises if p.stage is not Stage.PASSED), None)


def _from_verdict(exercise: Exercise, verdict: saved.Verdict) -> ExerciseProgress:
    try:
        stage = Stage(verdict.stage)
    except ValueError:
        stage = Stage.EDITED  # written by another version of the grader: grade again
    return ExerciseProgress(exercise, stage, verdict.score, verdict.max_score, verdict.outcome)


def known_progress(root: Path, exercise: Exercise, state: saved.State) -> ExerciseProgress:
    """What is known of `exercise` without grading it: EDITED when only grading can tell."""
    path = root / exercise.relpath
    current = file_fingerprint(path)
    if current is None:
        return ExerciseProgress(exercise, Stage.MISSING, 0, exercise.max_score)
    if is_untouched(root, exercise):
        return ExerciseProgress(exercise, Stage.NOT_STARTED, 0, exercise.max_score)
    verdict = state.exercises.get(exercise.id, saved.ExerciseState()).verdict
    if verdict is not None and verdict.fingerprint == current and verdict.max_score == exercise.max_score:
        return _from_verdict(exercise, verdict)
    return ExerciseProgress(exercise, Stage.EDITED, 0, exercise.max_score)


def first_not_passing(root: Path, exercises: Iterable[Exercise]) -> Exercise | None:
    """The first of `exercises` not known to pass (without grading), or None when all of them are."""
    remembered = saved.load(root)
    return next((e for e in exercises if known_progress(root, e, remembered).stage is not Stage.PASSED), None)


def remember(root: Path, graded: list[tuple[ExerciseResult, str | None]]) -> None:
    """Remember `(result, fingerprint of the file it graded)` pairs for later overviews."""
    saved.remember(root, {
        result.id: saved.Verdict(
            fingerprint, result.score, result.max_score, stage_of(result).value, result.outcome.value
        ) if fingerprint else None
        for result, fingerprint in graded
    })  # fmt: skip


def fingerprints(root: Path, exercises: list[Exercise]) -> dict[str, str | None]:
    """Each exercise's file fingerprint, taken before grading so that a save mid-grading is not mistaken."""
    return {e.id: file_fingerprint(root / e.relpath) for e in exercises}


def grade_and_remember(root: Path, exercises: list[Exercise], *, jobs: int | None = None) -> list[ExerciseResult]:
    """Grade `exercises` and remember each verdict with the fingerprint of the file as it was before grading."""
    from grader.runner import grade

    before = fingerprints(root, exercises)
    results = grade(exercises, root, jobs=jobs).exercises
    remember(root, [(r, before[r.id]) for r in results])
    return results


def overview(root: Path, catalog: Catalog, *, grade_edited: bool = True) -> Overview:
    """Every exercise's progress, grading those edited since their last grading when `grade_edited`."""
    state = saved.load(root)
    known = [known_progress(root, e, state) for e in catalog]
    edited = [p.exercise for p in known if p.stage is Stage.EDITED]
    if edited and grade_edited:
        grade_and_remember(root, edited)
        state = saved.load(root)
        known = [known_progress(root, e, state) for e in catalog]
    return Overview(tuple(known))
