"""One record per student: the grading result, its status for the gradebook, and what `--resume` compares.

A record is written to `OUT/students/<id>.json` the moment its student is graded (atomically, synced to disk),
so an interrupted run (Ctrl-C, a killed machine) loses nothing already graded; `--resume` reuses the records
whose fingerprint still matches. The same objects, one per student, make up `results.json` (`grader.batch.outputs`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.catalog import Exercise, load_catalog
from grader.identity import grader_version
from grader.locate import elsewhere
from grader.messages import SYMBOLIC_LINK, safe_line, safe_text
from grader.model import WORST_FIRST, ExerciseResult, Outcome, SubmissionResult
from grader.workspace import read_capped, submission_files

GRADER_ERROR = "grader_error"
"""The status of a student the grader itself failed to grade (not the student's fault; `--resume` retries)."""
NOT_GRADED = "not_graded"
"""The status of a student an interrupted run did not reach: a row of grades.csv with no points, so that the
gradebook never looks like the whole class while it lacks someone (`--resume` grades them)."""
NOT_STARTED = "not_started"
"""The status of a student who started no exercise (untouched stubs, or every check still "not implemented
yet"): "did nothing" must not read as `ok`, which is "tried, whatever the score"."""


@dataclass
class StudentRecord:
    student: str
    result: SubmissionResult
    status: str
    fingerprint: str | None = None
    """A digest of the student's files and of the grader's suites; None when the grading must be redone."""
    run: str = ""
    """The id of the batch run that graded this student (a resumed run keeps the earlier ids)."""
    error: str | None = None

    def __post_init__(self) -> None:
        # Made safe to show here too, for ids and errors that do not come from discovery (a merged results.json, a
        # manifest's ungraded students): the id starts lines of the progress, rows of grades.csv, file names.
        self.student = safe_line(self.student)
        self.error = safe_text(self.error) if self.error else self.error

    def to_dict(self) -> dict[str, Any]:
        data = self.result.to_dict()
        data.update(student=self.student, status=self.status, fingerprint=self.fingerprint, run=self.run)
        if self.error:
            data["error"] = self.error
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StudentRecord:
        result = SubmissionResult.from_dict(data)
        return cls(data["student"], result, data["status"], data.get("fingerprint"), data.get("run", ""),
                   data.get("error"))  # fmt: skip

    @property
    def problems(self) -> str:
        """The exercises that could not be graded normally, e.g. `01 timeout; 05 missing`, or `every exercise
        missing` when all of several share one problem; a problem of the whole repository is said as it is: `the
        repository has no exercises/ folder`."""
        if self.error:
            return self.error
        if whole := self.result.repository_problem:  # as the feedback and the report say it, not "every exercise"
            return whole
        exercises = self.result.exercises
        problems = [(e.id, e.outcome.value) for e in exercises if e.outcome is not Outcome.OK]
        alike = len(exercises) > 1 and len(problems) == len(exercises) and len({kind for _, kind in problems}) == 1
        if alike and not any(e.found for e in exercises):  # files found elsewhere are named, exercise by exercise
            return f"every exercise {problems[0][1]}"
        return "; ".join(_problem(e) for e in exercises if e.outcome is not Outcome.OK or e.found)


def _problem(exercise: ExerciseResult) -> str:
    """`05 missing`, `01 graded from exercises/ex01/ex01_futures.py`, `03 missing (found exercises/ex03_timed.py)`,
    `02 missing (a symbolic link)`."""
    if exercise.graded_elsewhere:
        kind = "" if exercise.outcome is Outcome.OK else f" {exercise.outcome.value}"
        return f"{exercise.id}{kind} graded from {exercise.found[0]}"
    found = f" (found {', '.join(exercise.found)})" if exercise.found else ""
    if exercise.outcome is Outcome.MISSING and SYMBOLIC_LINK in exercise.message:
        found = " (a symbolic link)"  # the file is there, pointing elsewhere: not the same as no file at all
    return f"{exercise.id} {exercise.outcome.value}{found}"


def status_of(result: SubmissionResult) -> str:
    """The worst outcome among the exercises; `not_started` instead of `ok` when no exercise was started (one
    started exercise is enough for `ok`, and a missing file or an import error still says what went wrong)."""
    outcomes = {e.outcome for e in result.exercises}
    worst = next((outcome for outcome in WORST_FIRST if outcome in outcomes), Outcome.OK)
    if worst is Outcome.OK and result.exercises and all(e.not_started for e in result.exercises):
        return NOT_STARTED
    return worst.value


def graded(student: str, result: SubmissionResult, fingerprint: str | None, run: str) -> StudentRecord:
    result.student = student
    return StudentRecord(student, result, status_of(result), fingerprint, run)


def failed(student: str, error: str, run: str) -> StudentRecord:
    result = SubmissionResult([], grader_version=grader_version(), student=student)
    return StudentRecord(student, result, GRADER_ERROR, None, run, error)


def not_graded(student: str) -> StudentRecord:
    """The row of a student the run stopped before (never saved as a record: there is nothing to keep)."""
    result = SubmissionResult([], grader_version=grader_version(), student=student)
    error = "not graded yet: the run stopped before this student; run the same command with --resume"
    return StudentRecord(student, result, NOT_GRADED, None, "", error)


def _digest_file(digest: Any, path: Path) -> None:
    digest.update(path.name.encode() + b"\0")
    content = read_capped(path)  # unreadable, gone, too big: graded as such, and no file stops the batch
    digest.update(hashlib.sha256(content).digest() if content is not None else b"unreadable\0")


def _mentions(path: Path, name: str) -> bool:
    content = read_capped(path)
    return content is not None and name in content.decode("utf-8", errors="replace")


def relevant_names(root: Path, exercises: Iterable[Exercise]) -> set[str]:
    """The names of the files in `root/exercises` that grading `exercises` can depend on: the graded exercises'
    own files, every module that is not an exercise of the catalog (`util.py`, a helper of the student's), and any
    other exercise's file that one of these names (imports). Other exercises' files are copied to the suite's
    workspace too, but nothing reads them."""
    catalog = {e.filename for e in load_catalog()}
    graded_names = {e.filename for e in exercises}
    folder = root / "exercises"
    present = sorted(p.name for p in folder.glob("*.py")) if folder.is_dir() else []  # read with read_capped only
    chosen = {n for n in present if n in graded_names or n not in catalog} | graded_names
    pending = [n for n in chosen if n in present]
    while pending:
        source = folder / pending.pop()
        for name in present:
            if name not in chosen and _mentions(source, name.removesuffix(".py")):
                chosen.add(name)
                pending.append(name)
    return chosen


def grading_inputs_fingerprint(root: Path, problem: str | None, exercises: Iterable[Exercise]) -> str:
    """What a grading depends on: the grader (its every file that decides verdicts: `grader_version`), the
    exercises graded, and the student's files that those exercises can read (`relevant_names`); a change anywhere
    else keeps the record under --resume."""
    exercises = list(exercises)
    digest = hashlib.sha256(f"{grader_version()}\0{problem}\0".encode())
    for exercise in exercises:
        digest.update(f"exercise {exercise.id}\0".encode())
    if problem is None:
        names = relevant_names(root, exercises)
        for path in submission_files(root):
            if path.name in names:
                _digest_file(digest, path)
        for path in sorted((root / "exercises").glob("*.py")):  # links and oversize files change the verdict too
            if path.name in names and path.is_symlink():
                digest.update(f"link {path.name} -> {os.readlink(path)}\0".encode())
        for exercise in exercises:  # a file graded from elsewhere, or a near name pointed at (grader.locate)
            if (found := elsewhere(root, exercise.filename)) is not None:
                digest.update(f"found {exercise.id} {found.relpath} {found.near}\0".encode())
                if found.path is not None:
                    _digest_file(digest, found.path)
    return digest.hexdigest()


class RecordStore:
    """`OUT/students/`: one JSON record per student, each replaced atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, student: str) -> Path:
        return self.folder / f"{student}.json"

    def save(self, record: StudentRecord) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(record.student)
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            with open(temporary, "w", encoding="utf-8") as file:
                json.dump(record.to_dict(), file, ensure_ascii=False)
                file.flush()
                os.fsync(file.fileno())  # a killed machine must not leave a half-written record behind
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):  # a full disk: no empty .tmp left behind
                temporary.unlink()
            raise

    def load(self, student: str) -> StudentRecord | None:
        try:
            return StudentRecord.from_dict(json.loads(self.path(student).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or unreadable: grade again

    def students(self) -> list[str]:
        """The ids of the records saved here."""
        if not self.folder.is_dir():
            return []
        return [p.stem for p in self.folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")]

    def set_aside(self, students: Iterable[str], folder: Path) -> None:
        """Move the records of `students` into `folder`: kept for a person to read, never reused or merged."""
        for student in students:
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.replace(self.path(student), folder / f"{student}.json")

    def clear(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.suffix in (".json", ".tmp"):
                    path.unlink()
