"""Every check is a claim: it passes on correct code written two ways and catches a plausible wrong solution.

Test data, one file per case, each a complete exercise file:
    tests/data/submissions/alternative/exNN_slug.py       a correct solution written differently from ours
    tests/data/submissions/alternative/exNN_slug/*.py     more of them, optional; a first line
                                                          `# requires: python>=3.11` skips one on older Pythons
    tests/data/submissions/wrong/exNN_slug/<case>.py      a plausible wrong solution; its first line says
                                                          `# fails: check_a, check_b` (the checks it must fail)
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

CATALOG = load_catalog()
FAILS = re.compile(r"^# fails: (?P<names>[a-z0-9_, ]+)$")
REQUIRES = re.compile(r"^# requires: python>=(?P<major>\d+)\.(?P<minor>\d+)$")
GRADERS_OWN = re.compile(r"\b0x[0-9a-fA-F]{6,}|\bgrader[/.][a-z_]|<function (?:where|burn|meet|fail_if_negative)\b")
"""What a message must not show a student: a memory address, a module or file of the grader's, a probe's function."""


def wrong_cases() -> list[tuple[str, Path]]:
    cases = []
    for exercise in CATALOG:
        folder = SUBMISSIONS / "wrong" / exercise.filename.removesuffix(".py")
        cases += [(exercise.id, path) for path in sorted(folder.glob("*.py"))]
    return cases


def more_alternatives() -> list[tuple[str, Path]]:
    cases = []
    for exercise in CATALOG:
        folder = SUBMISSIONS / "alternative" / exercise.filename.removesuffix(".py")
        cases += [(exercise.id, path) for path in sorted(folder.glob("*.py"))]
    return cases


def declared_failures(path: Path) -> set[str]:
    match = FAILS.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path} must start with '# fails: <check>, ...'"
    return {name.strip() for name in match["names"].split(",")}


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_reference_solution_passes(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    result = grade_source(tmp_path, exercise_id, KIT / "solutions" / exercise.filename)
    assert [c.name for c in result.checks if not c.passed] == [], [c.message for c in result.checks]


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_alternative_solution_passes(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    path = SUBMISSIONS / "alternative" / exercise.filename
    assert path.is_file(), f"exercise {exercise_id} needs a correct solution written another way at {path}"
    result = grade_source(tmp_path, exercise_id, path)
    assert [c.name for c in result.checks if not c.passed] == [], [c.message for c in result.checks]


@pytest.mark.parametrize(("exercise_id", "path"), more_alternatives(), ids=lambda v: getattr(v, "stem", v))
def test_more_alternative_solutions_pass(tmp_path, exercise_id, path):
    requires = REQUIRES.match(path.read_text(encoding="utf-8").splitlines()[0])
    if requires and sys.version_info < (int(requires["major"]), int(requires["minor"])):
        pytest.skip(f"{path.name} needs Python {requires['major']}.{requires['minor']}")
    result = grade_source(tmp_path, exercise_id, path)
    assert [c.name for c in result.checks if not c.passed] == [], [c.message for c in result.checks]


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_stub_fails_every_check_as_not_implemented(tmp_path, exercise_id):
    exercise = CATALOG.get(exercise_id)
    result = grade_source(tmp_path, exercise_id, KIT / "exercises" / exercise.filename)
    assert result.score == 0
    for check in result.checks:
        assert not check.passed and "not implemented yet" in check.message, (check.name, check.message)


@pytest.mark.parametrize(("exercise_id", "path"), wrong_cases(), ids=lambda v: getattr(v, "stem", v))
def test_wrong_solution_is_caught(tmp_path, exercise_id, path):
    expected = declared_failures(path)
    result = grade_source(tmp_path, exercise_id, path)
    failed = {c.name for c in result.checks if not c.passed}
    assert expected <= failed, f"{path.name} should fail {sorted(expected - failed)}; it failed {sorted(failed)}"
    for check in result.checks:  # every failure explains itself, the declared ones and any other it causes
        if not check.passed:
            assert check.message and "Traceback" not in check.message, (check.name, check.message)
            assert not check.message.startswith("the check stopped with"), (check.name, check.message)
            assert UNEXPLAINED not in check.message, (check.name, check.message)  # explaining it failed: a bug
            for text in (check.message, check.expected or "", check.fix or ""):  # nothing the student cannot place
                assert not GRADERS_OWN.search(text), (check.name, text)


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
def test_every_check_has_a_wrong_solution_it_catches(exercise_id):
    exercise = CATALOG.get(exercise_id)
    covered = set().union(*(declared_failures(p) for i, p in wrong_cases() if i == exercise_id))
    assert {c.name for c in exercise.checks} - covered == set()
