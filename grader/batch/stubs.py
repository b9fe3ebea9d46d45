"""Untouched stubs are graded once per batch, not once per student.

Most of a class's exercise files are, at any time, the kit's stubs as handed out. `grader verify` proves that a
stub fails every check of its exercise, so a student's file that is the untouched stub (`grader.pristine`, line
endings aside) scores 0 whatever else is in the repository; it gets a copy of the stub's own result, graded once
from the pristine copy the grader package carries, instead of a pytest run of its own.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

from grader.catalog import Exercise
from grader.model import ExerciseResult
from grader.pristine import is_untouched, stub_path
from grader.runner import grade_exercise
from grader.suite_process import Cancellation


class StubShortcut:
    def __init__(self, cancellation: Cancellation) -> None:
        self.cancellation = cancellation
        self._results: dict[str, ExerciseResult] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def result_for(self, exercise: Exercise, root: Path) -> ExerciseResult | None:
        """The stub's result when the student's file is the untouched stub, else None (grade it)."""
        mine = root / exercise.relpath
        if mine.is_symlink() or not mine.is_file() or not is_untouched(root, exercise):
            return None  # a link is graded as what it is (not read), even to a file that holds the stub
        with self._guard:
            lock = self._locks.setdefault(exercise.id, threading.Lock())
        with lock:  # the first student with this stub pays for its grading; the others wait for it
            if exercise.id not in self._results:
                self._results[exercise.id] = self._grade_stub(exercise)
        copy = ExerciseResult.from_dict(self._results[exercise.id].to_dict())
        copy.duration = 0.0  # nothing ran for this student
        return copy

    def _grade_stub(self, exercise: Exercise) -> ExerciseResult:
        folder = Path(tempfile.mkdtemp(prefix="grader-stub-"))
        try:
            (folder / "exercises").mkdir()
            shutil.copyfile(stub_path(exercise), folder / exercise.relpath)
            return grade_exercise(exercise, folder, cancellation=self.cancellation)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
