"""A small fixture course (tests/data/course) that the real CLI runs on, in place of the kit's nine exercises.

The grader finds its catalog, suites and stubs inside its own package, so the course is a copy of the package
with those three swapped, put first on PYTHONPATH. The suites' processes, and the workers they start, import that
copy too (`grader.suite_process.PINNED_GRADER`).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from support import DATA, KIT

COURSE = DATA / "course"


@dataclass
class Course:
    package_root: Path
    """Put this first on PYTHONPATH to run the grader of the fixture course."""
    student: Path
    """A student's copy of the course: exercises/ holds the untouched stubs."""

    def env(self, **extra: str) -> dict[str, str]:
        environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        return {**environment, "PYTHONPATH": str(self.package_root), **extra}

    @property
    def grader(self) -> list[str]:
        return [sys.executable, "-m", "grader"]

    def exercise(self, name: str) -> Path:
        return self.student / "exercises" / name

    def solution(self, name: str) -> str:
        return (COURSE / "solutions" / name).read_text()


def build_course(folder: Path) -> Course:
    package = folder / "package" / "grader"
    shutil.copytree(KIT / "grader", package, ignore=shutil.ignore_patterns("__pycache__"))
    for old in [*(package / "suites").glob("test_*.py"), *(package / "stubs").glob("ex*.py")]:
        old.unlink()
    shutil.copy(COURSE / "exercises.toml", package / "exercises.toml")
    for suite in (COURSE / "suites").glob("test_*.py"):
        shutil.copy(suite, package / "suites" / suite.name)
    student = folder / "student"
    (student / "exercises").mkdir(parents=True)
    for stub in (COURSE / "stubs").glob("ex*.py"):
        shutil.copy(stub, package / "stubs" / stub.name)
        shutil.copy(stub, student / "exercises" / stub.name)
    return Course(package.parent, student)
