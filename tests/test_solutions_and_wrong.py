"""Every check is a claim: it passes on correct code written two ways and catches a plausible wrong solution.

Test data, one file per case, each a complete exercise file:
    tests/data/submissions/alternative/exNN_slug.py       a correct solution written differently from ours
    tests/data/submissions/alternative/exNN_slug/*.py     more of them, optional; a first line
                                                          `# requires: python>=3.11` skips one on older Pythons
                                                          (a wrong solution's second line, likewise)
    tests/data/submissions/wrong/exNN_slug/<case>.py      a plausible wrong solution; its first line says
                                                          `# fails: check_a, check_b`: exactly the checks it
                                                          fails on its own (the checks skipped because one of
                                                          those failed are not named; `check_c (python<3.12)`
                                                          is one it fails on older Pythons only)
The reference solutions (solutions/) and the stubs (exercises/) are covered by `grader verify`, run below too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from support import KIT, SUBMISSIONS, grade_source

from grader.catalog import load_catalog
from grader.diagnose import UNEXPLAINED
from grader.model import ExerciseResult, Status
from grader.render.console import MAX_MESSAGE

CATALOG = load_catalog()
FAILS = re.compile(r"^# fails: (?P<names>[a-z0-9_, <.()]+)$")
BEFORE = re.compile(r"^(?P<name>[a-z0-9_]+) \(python<(?P<major>\d+)\.(?P<minor>\d+)\)$")
"""`check_a (python<3.12)` in a `# fails:` line: a check the case fails only on Pythons older than that one."""
REQUIRES = re.compile(r"^# requires: python>=(?P<major>\d+)\.(?P<minor>\d+)$", re.M)
VERSIONED = re.compile(r"\(python<|^# requires: python>=", re.M)
"""A case whose verdict depends on the Python version: a check it fails on older Pythons only, or a newer one needed."""
GRADERS_OWN = re.compile(r"\b0x[0-9a-fA-F]{6,}|\bgrader[/.][a-z_]|<function (?:where|burn|meet|fail_if_negative)\b")
"""What a message must not show a student: a memory address, a module or file of the grader's, a probe's function."""


def wrong_cases() -> list[tuple[str, Path]]:
    cases = []
    for exercise in CATALOG:
        folder = SUBMISSIONS / "wrong" / exercise.filename.removesuffix(".py")
        cases += [(exercise.id, path) for path in sorted(folder.glob("*.py"))]
    return cases


def covering_cases() -> set[Path]:
    """The wrong solutions `--wrong-solutions=cover` grades: for every check, the case that fails it and the fewest
    others (the mistake that check is there to catch), and every case whose verdict depends on the Python version."""
    cases = wrong_cases()
    chosen = {path for _, path in cases if VERSIONED.search(header(path))}
    for exercise in CATALOG:
        own = [path for exercise_id, path in cases if exercise_id == exercise.id]
        for check in exercise.checks:
            catching = [path for path in own if check.name in declared_failures(path)]
            if catching:  # none is test_every_check_has_a_wrong_solution_it_catches's to report
                chosen.add(min(catching, key=lambda path: len(declared_failures(path))))
    return chosen


def header(path: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[:2])


def more_alternatives() -> list[tuple[str, Path]]:
    cases = []
    for exercise in CATALOG:
        folder = SUBMISSIONS / "alternative" / exercise.filename.removesuffix(".py")
        cases += [(exercise.id, path) for path in sorted(folder.glob("*.py"))]
    return cases


def declared_failures(path: Path) -> set[str]:
    match = FAILS.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path} must start with '# fails: <check>, ...'"
    names = set()
    for name in (part.strip() for part in match["names"].split(",")):
        if before := BEFORE.match(name):
            if sys.version_info < (int(before["major"]), int(before["minor"])):
                names.add(before["name"])
        else:
            names.add(name)
    return names


def runs_here(path: Path) -> bool:
    """False for a case that needs a newer Python than this one (`# requires: python>=3.11` in its first two lines)."""
    requires = REQUIRES.search(header(path))
    return not requires or sys.version_info >= (int(requires["major"]), int(requires["minor"]))


def own_failures(result: ExerciseResult) -> set[str]:
    """The checks that failed on their own: not passed, and not skipped because a check they depend on failed."""
    return {c.name for c in result.checks if not c.passed and c.status is not Status.SKIPPED}


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_reference_solution_passes(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    result = grade_source(tmp_path, exercise_id, KIT / "solutions" / exercise.filename)
    assert not (failed := {c.name: f"{c.message} (fix: {c.fix})" for c in result.checks if not c.passed}), failed


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_alternative_solution_passes(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    path = SUBMISSIONS / "alternative" / exercise.filename
    assert path.is_file(), f"exercise {exercise_id} needs a correct solution written another way at {path}"
    result = grade_source(tmp_path, exercise_id, path)
    assert not (failed := {c.name: f"{c.message} (fix: {c.fix})" for c in result.checks if not c.passed}), failed


@pytest.mark.parametrize(("exercise_id", "path"), more_alternatives(), ids=lambda v: getattr(v, "stem", v))
def test_more_alternative_solutions_pass(tmp_path, exercise_id, path):
    if not runs_here(path):
        pytest.skip(f"{path.name} needs a newer Python")
    result = grade_source(tmp_path, exercise_id, path)
    assert not (failed := {c.name: f"{c.message} (fix: {c.fix})" for c in result.checks if not c.passed}), failed


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_stub_fails_every_check_as_not_implemented(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    result = grade_source(tmp_path, exercise_id, KIT / "exercises" / exercise.filename)
    assert result.score == 0
    for check in result.checks:
        assert not check.passed and "not implemented yet" in check.message, (check.name, check.message)


@pytest.mark.parametrize(("exercise_id", "path"), wrong_cases(), ids=lambda v: getattr(v, "stem", v))
def test_wrong_solution_is_caught(tmp_path, exercise_id, path):
    if not runs_here(path):
        pytest.skip(f"{path.name} needs a newer Python")
    expected = declared_failures(path)
    result = grade_source(tmp_path, exercise_id, path)
    failed = own_failures(result)
    # Exactly: a check that starts failing a wrong solution for a reason of its own is news, as much as one that
    # stops catching it.
    assert failed == expected, (
        f"{path.name} should fail {sorted(expected)} on their own; it failed {sorted(failed)}: "
        f"caught no more {sorted(expected - failed)}, newly failed {sorted(failed - expected)}"
        + "".join(f"\n  {c.name}: {c.message}" for c in result.checks if c.name in failed - expected)
    )
    for check in result.checks:  # every failure explains itself, the declared ones and any other it causes
        if not check.passed:
            assert check.message and "Traceback" not in check.message, (check.name, check.message)
            assert not check.message.startswith("the check stopped with"), (check.name, check.message)
            assert UNEXPLAINED not in check.message, (check.name, check.message)  # explaining it failed: a bug
            for text in (check.message, check.expected or "", check.fix or ""):  # nothing the student cannot place
                assert not GRADERS_OWN.search(text), (check.name, text)
            for text in (check.expected or "", check.fix or ""):  # the grader's own words: shown whole in a terminal
                assert len(" ".join(text.split())) <= MAX_MESSAGE, (check.name, len(text), text)


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_every_check_has_a_wrong_solution_it_catches(exercise_id):
    exercise = CATALOG.get(exercise_id)
    covered = set().union(*(declared_failures(p) for i, p in wrong_cases() if i == exercise_id))
    assert {c.name for c in exercise.checks} - covered == set()
