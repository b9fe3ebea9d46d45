"""Shared helpers for the kit's own tests: build a submission from files and grade it."""

from __future__ import annotations

import shutil
from pathlib import Path

from grader.catalog import load_catalog
from grader.model import ExerciseResult
from grader.runner import grade_exercise

KIT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SUBMISSIONS = DATA / "submissions"


def make_submission(folder: Path, files: dict[str, str | Path]) -> Path:
    """A submission at `folder`: the kit's util.py plus `files` (name -> source text or a path to copy)."""
    exercises = folder / "exercises"
    exercises.mkdir(parents=True, exist_ok=True)
    shutil.copy(KIT / "exercises" / "util.py", exercises / "util.py")
    for name, source in files.items():
        target = exercises / name
        if isinstance(source, Path):
            shutil.copy(source, target)
        else:
            target.write_text(source, encoding="utf-8")
    return folder


def grade_source(tmp_path: Path, exercise_id: str, source: str | Path) -> ExerciseResult:
    """Grade one exercise whose file holds `source` (text, or a path to a file)."""
    exercise = load_catalog().get(exercise_id)
    return grade_exercise(exercise, make_submission(tmp_path, {exercise.filename: source}))
