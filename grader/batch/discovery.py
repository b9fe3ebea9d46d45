"""Which student repositories a batch grades: discovery under the given roots, and deterministic shards.

A ROOT that holds `exercises/` is one student's repository; any other ROOT is a folder of them (what GitHub
Classroom's assistant or a `git clone` loop leaves), one sub-folder per student. The student id is the folder's
name. Nothing here reads inside a student's files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from grader.errors import UsageError

_SHARD = re.compile(r"^(?P<k>\d+)/(?P<n>\d+)$")


@dataclass(frozen=True)
class Student:
    id: str
    """The repository's folder name."""
    root: Path
    problem: str | None = None
    """Why there is nothing to grade in this repository (no `exercises/` folder), else None."""


def _student(folder: Path) -> Student:
    exercises = folder / "exercises"
    if exercises.is_symlink():
        return Student(folder.name, folder, "exercises/ is a symbolic link; the grader reads only a real folder")
    if not exercises.is_dir():
        return Student(folder.name, folder, "the repository has no exercises/ folder")
    return Student(folder.name, folder)


def discover(roots: Sequence[Path]) -> list[Student]:
    """Every student repository under `roots`, sorted by id; an id seen twice is an error."""
    found: dict[str, Student] = {}
    for root in roots:
        root = root.resolve()
        if not root.is_dir():
            raise UsageError(f"{root} is not a folder")
        if (root / "exercises").exists() or (root / "exercises").is_symlink():
            folders = [root]
        else:
            folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
            if not folders:
                raise UsageError(f"{root} holds no student repositories (and no exercises/ folder of its own)")
        for folder in folders:
            student = _student(folder)
            if student.id in found:
                raise UsageError(f"two repositories are called {student.id!r}: {found[student.id].root} and {folder}")
            found[student.id] = student
    return [found[key] for key in sorted(found)]


def parse_shard(text: str) -> tuple[int, int]:
    """`"2/5"` -> (2, 5): the second of five shards, numbered from 1 like a CI matrix."""
    match = _SHARD.match(text.strip())
    if not match or not 1 <= int(match["k"]) <= int(match["n"]):
        raise UsageError(f"--shard takes K/N with 1 <= K <= N, e.g. 1/4; not {text!r}")
    return int(match["k"]), int(match["n"])


def shard_of(student_id: str, shards: int) -> int:
    """The shard (1..shards) a student belongs to: a hash of the id alone, so that every runner agrees on it
    whatever else its copy of the class holds, and a student is never graded by two shards or by none."""
    digest = hashlib.sha256(student_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards + 1


def select_shard(students: list[Student], shard: tuple[int, int] | None) -> list[Student]:
    if shard is None:
        return students
    k, n = shard
    return [s for s in students if shard_of(s.id, n) == k]
