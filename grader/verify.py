"""The kit's own invariants (rustlings' `dev check`): every solution passes every check, every stub fails every
check saying "not implemented yet", and the catalog, suites, stubs and solutions agree with one another."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from grader.catalog import PACKAGE_DIR, Exercise
from grader.errors import UsageError
from grader.model import SubmissionResult
from grader.pristine import STUBS_DIR
from grader.runner import grade
from grader.suite_index import read_suite


@dataclass(frozen=True)
class Problem:
    exercise: str
    text: str

    def __str__(self) -> str:
        return f"{self.exercise}: {self.text}"


def kit_root() -> Path:
    root = PACKAGE_DIR.parent
    if not (root / "solutions").is_dir() or not (root / "exercises").is_dir():
        raise UsageError("grader verify runs in the kit's own repository, which has exercises/ and solutions/")
    return root


def as_submission(folder: Path) -> Path:
    """A temporary submission whose exercises/ holds the .py files of `folder` (e.g. solutions/)."""
    root = Path(tempfile.mkdtemp(prefix="grader-verify-"))
    try:
        shutil.copytree(folder, root / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return root


def static_problems(root: Path, exercises: list[Exercise]) -> list[Problem]:
    problems = []
    for exercise in exercises:
        for folder in ("exercises", "solutions"):
            if not (root / folder / exercise.filename).is_file():
                problems.append(Problem(exercise.id, f"{folder}/{exercise.filename} is missing"))
        stub, pristine = root / "exercises" / exercise.filename, STUBS_DIR / exercise.filename
        if stub.is_file() and (not pristine.is_file() or pristine.read_bytes() != stub.read_bytes()):
            fix = f"cp exercises/{exercise.filename} grader/stubs/"
            problems.append(Problem(exercise.id, f"grader/stubs/ needs an exact copy of the stub (for reset): {fix}"))
        if not exercise.suite.is_file():
            problems.append(Problem(exercise.id, f"its suite {exercise.suite.name} is missing"))
            continue
        declared = {c.name for c in exercise.checks}
        written = {c.name for c in read_suite(exercise.suite)}
        for name in sorted(declared - written):
            problems.append(Problem(exercise.id, f"check {name} is in exercises.toml but not in {exercise.suite.name}"))
        for name in sorted(written - declared):
            problems.append(
                Problem(exercise.id, f"check {name} is in {exercise.suite.name} but has no points in exercises.toml")
            )
    return problems


def graded_problems(solutions: SubmissionResult, stubs: SubmissionResult) -> list[Problem]:
    problems = []
    for exercise in solutions.exercises:
        for check in exercise.checks:
            if not check.passed:
                problems.append(Problem(exercise.id, f"the solution fails {check.name}: {check.message}"))
    for exercise in stubs.exercises:
        for check in exercise.checks:
            if check.passed:
                problems.append(Problem(exercise.id, f"the untouched stub passes {check.name}"))
            elif not check.not_implemented:
                problems.append(
                    Problem(exercise.id, f"the stub fails {check.name} without 'not implemented yet': {check.message}")
                )
    return problems


def verify(exercises: list[Exercise], root: Path | None = None) -> list[Problem]:
    """Everything wrong with the kit, or [] when every invariant holds."""
    root = root or kit_root()
    problems = static_problems(root, exercises)
    if problems:
        return problems
    workspaces: list[Path] = []
    try:
        workspaces += [as_submission(root / "solutions"), as_submission(root / "exercises")]
        solutions, stubs = (grade(exercises, w) for w in workspaces)
        return graded_problems(solutions, stubs)
    finally:
        for workspace in workspaces:
            shutil.rmtree(workspace, ignore_errors=True)
