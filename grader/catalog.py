"""The kit's exercises, loaded from `exercises.toml` into frozen dataclasses.

The TOML file is the single source of truth for what exists (rustlings' info.toml): the CLI, the runner and
`grader verify` all read it through `load_catalog()`, and a malformed file is rejected here, loudly, before any
student sees a half-built exercise.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10 only
    import tomli as tomllib

from grader.errors import CatalogError, UnknownExercise

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOG_FILE = PACKAGE_DIR / "exercises.toml"
SUITES_DIR = PACKAGE_DIR / "suites"

TOTAL_TIME_FACTOR = 4
"""An exercise's checks may take this many times one check's limit in all (see `Exercise.total_time_limit`)."""

_ID = re.compile(r"^\d\d$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Check:
    name: str
    """The suite's test function without its `test_` prefix; stable, used in every output format."""
    points: int


@dataclass(frozen=True)
class Exercise:
    id: str
    slug: str
    title: str
    topic: str
    time_limit: float
    """Seconds a single check may run before the grader stops it."""
    hints: tuple[str, ...]
    checks: tuple[Check, ...]
    lesson: str = ""
    """The section of the lesson that teaches it, as headed there; empty where the stub's docstring is all there is."""
    grading_seconds: float = 1.0
    """About how long its grading takes on a right solution: the runner starts the longest first."""

    @property
    def filename(self) -> str:
        return f"ex{self.id}_{self.slug}.py"

    @property
    def module(self) -> str:
        return f"exercises.ex{self.id}_{self.slug}"

    @property
    def relpath(self) -> str:
        return f"exercises/{self.filename}"

    @property
    def suite(self) -> Path:
        return SUITES_DIR / f"test_ex{self.id}_{self.slug}.py"

    @property
    def total_time_limit(self) -> float:
        """Seconds all the checks of the exercise may take together, restarts included. Far beyond what a
        correct solution needs, it bounds what code that hangs in every check costs (a batch of 40 students
        would otherwise wait 5 s per check per hanging student); the checks not reached are not run."""
        return TOTAL_TIME_FACTOR * self.time_limit

    @property
    def max_score(self) -> int:
        return sum(check.points for check in self.checks)

    def check(self, name: str) -> Check:
        for check in self.checks:
            if check.name == name:
                return check
        raise KeyError(name)


@dataclass(frozen=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    lesson: str = ""
    """The title of the lesson the exercises follow, as the lesson itself is headed: what students look for."""

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise called `exercise_id`; "1", "01", "ex01" and its file's path all name exercise 01."""
        # The file's path, as a shell completes it (`grader check exercises/ex01_futures.py`), names it too.
        key = PurePath(exercise_id.strip()).name.lower().removesuffix(".py").removeprefix("ex")
        if key.isdigit():
            key = key.zfill(2)
        for exercise in self.exercises:
            if key in (exercise.id, exercise.slug, f"{exercise.id}_{exercise.slug}"):
                return exercise
        from grader.invocation import grader_command

        known = ", ".join(e.id for e in self.exercises)
        raise UnknownExercise(
            f"there is no exercise {exercise_id!r}; the exercises are {known} (`{grader_command()} list` shows their"
            " topics)"
        )

    def select(self, ids: list[str] | tuple[str, ...] | None) -> list[Exercise]:
        """The named exercises in course order, or all of them when none is named."""
        if not ids:
            return list(self.exercises)
        chosen = {self.get(i).id for i in ids}
        return [e for e in self.exercises if e.id in chosen]


def _parse_exercise(raw: dict) -> Exercise:
    where = f"exercise {raw.get('id', '?')}"
    try:
        checks = tuple(Check(name, int(points)) for name, points in raw["checks"].items())
        exercise = Exercise(
            id=str(raw["id"]),
            slug=str(raw["slug"]),
            title=str(raw["title"]),
            topic=str(raw["topic"]),
            time_limit=float(raw.get("time_limit", 5.0)),
            hints=tuple(str(h) for h in raw.get("hints", ())),
            checks=checks,
            lesson=str(raw.get("lesson", "")),
            grading_seconds=float(raw.get("grading_seconds", 1.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogError(f"{where}: missing or malformed field {exc}") from exc
    if not _ID.match(exercise.id):
        raise CatalogError(f"{where}: id must be two digits")
    if not _NAME.match(exercise.slug):
        raise CatalogError(f"{where}: slug {exercise.slug!r} must be a lower-case identifier")
    if not checks:
        raise CatalogError(f"{where}: has no checks")
    for check in checks:
        if not _NAME.match(check.name) or check.points <= 0:
            raise CatalogError(f"{where}: check {check.name!r} needs a lower-case name and positive points")
    if not exercise.hints:
        raise CatalogError(f"{where}: has no hints")
    return exercise


def parse_catalog(text: str) -> Catalog:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{CATALOG_FILE.name}: {exc}") from exc
    exercises = tuple(_parse_exercise(raw) for raw in data.get("exercise", ()))
    seen: set[str] = set()
    for exercise in exercises:
        for key in (exercise.id, exercise.slug):
            if key in seen:
                raise CatalogError(f"duplicate exercise id or slug {key!r}")
            seen.add(key)
    if [e.id for e in exercises] != sorted(e.id for e in exercises):
        raise CatalogError("exercises must be listed in course order")
    return Catalog(exercises, lesson=str(data.get("lesson", "")))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    return parse_catalog(CATALOG_FILE.read_text(encoding="utf-8"))


def lesson_section(exercise_id: str) -> str:
    """The lesson's section on an exercise, for "where to look next"; "" when it has none or is not in the catalog
    (a result read back from another kit's results.json)."""
    try:
        return load_catalog().get(exercise_id).lesson
    except UnknownExercise:
        return ""
