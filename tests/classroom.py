"""A generated class of student repositories: correct, partial, wrong, and the hostile catalogue.

`build_class(folder)` writes one repository per student under `folder` (what `git clone` loops leave) and
returns what each one must get. The exercise files live under tests/data/classroom/ (ordinary students) and
tests/data/hostile/ (one file per hostile case, its first line `# expect: status=... score=...`, and
`# requires: <layer>` when only a sandbox layer keeps the machine safe from it); the cases that are not one
exercise file (bytes that are not UTF-8, links, planted conftest.py / sitecustomize.py / exercises/__init__.py,
missing or oversized files) are made here. Used by tests/test_batch*.py and bench/.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from grader.catalog import SUITES_DIR

KIT = Path(__file__).resolve().parent.parent
DATA = KIT / "tests" / "data"
HOSTILE = DATA / "hostile"
CLASSROOM = DATA / "classroom"
EXERCISE = "exercises/ex01_futures.py"
SOLUTION = KIT / "solutions" / "ex01_futures.py"
STUB = KIT / "exercises" / "ex01_futures.py"
CLASS_SIZE = 40

_EXPECT = re.compile(r"^# expect: status=(?P<status>\w+) score=(?P<score>\d+)$", re.M)
_REQUIRES = re.compile(r"^# requires: (?P<layer>\w+)$", re.M)

TAMPER_CONFTEST = """\
import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    report.outcome = "passed"
    report.longrepr = None
"""
TAMPER_SITECUSTOMIZE = """\
import os

os.environ["PYTEST_ADDOPTS"] = "-p no:grader.plugin --noconftest=0"
try:
    import _pytest.runner

    _pytest.runner.call_and_report = lambda *args, **kwargs: None
except Exception:
    pass
"""
TAMPER_INIT = """\
try:
    import grader.testing

    grader.testing.expect = lambda *args, **kwargs: None
    grader.testing.fail = lambda *args, **kwargs: None
except Exception:
    pass
"""


@dataclass(frozen=True)
class Expected:
    status: str
    score: int
    hostile: bool
    requires: str | None = None


def expectation(source: str, hostile: bool) -> Expected:
    match = _EXPECT.search(source)
    assert match, "a class file needs a '# expect: status=... score=...' line"
    requires = _REQUIRES.search(source)
    return Expected(match["status"], int(match["score"]), hostile, requires["layer"] if requires else None)


def _repo(folder: Path, files: dict[str, str | bytes]) -> Path:
    (folder / "exercises").mkdir(parents=True)
    for given in (KIT / "exercises").glob("*.py"):  # the kit as handed out: every stub, util.py, __init__.py
        shutil.copy(given, folder / "exercises" / given.name)
    (folder / "README.md").write_text(f"# {folder.name}\n")
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _ordinary(folder: Path, layers: set[str]) -> dict[str, Expected]:
    expected = {}
    solution, stub = SOLUTION.read_text(), STUB.read_text()
    students = [("correct-1", solution), ("stub-1", stub)]
    students += [(f"{path.stem.replace('_', '-')}-1", path.read_text()) for path in sorted(CLASSROOM.glob("*.py"))]
    students += [("partial-2", (CLASSROOM / "partial.py").read_text())]  # the same file as partial-1's
    for name, source in students:
        _repo(folder / name, {EXERCISE: source})
        score = 10 if source == solution else 0 if source == stub else expectation(source, False).score
        expected[name] = Expected("not_started" if source == stub else "ok", score, hostile=False)
    return expected


def _hostile_files(folder: Path, out: Path, layers: set[str], suites: Path) -> dict[str, Expected]:
    expected = {}
    for path in sorted(HOSTILE.glob("*.py")):
        name = "hostile-" + path.stem.replace("_", "-")
        source = path.read_text()
        source = source.replace("__SUITES__", str(suites)).replace("__OUT__", str(out))
        source = source.replace("__REPO__", str(folder / name))
        case = expectation(source, hostile=True)
        if case.requires and case.requires not in layers:
            continue  # without that layer this case would harm the machine or the grader, not just itself
        _repo(folder / name, {EXERCISE: source})
        expected[name] = case
    return expected


def _hostile_made(folder: Path) -> dict[str, Expected]:
    partial = (CLASSROOM / "partial.py").read_text()
    missing = Expected("missing", 0, hostile=True)
    _repo(folder / "hostile-non-utf8", {EXERCISE: b"import asyncio\n\nNAME = '\xff\xfe caf\xe9'\n"})
    (_repo(folder / "hostile-missing-file", {}) / EXERCISE).unlink()
    _repo(folder / "hostile-conftest-tamper", {EXERCISE: partial, "conftest.py": TAMPER_CONFTEST,
                                               "exercises/conftest.py": TAMPER_CONFTEST})  # fmt: skip
    _repo(folder / "hostile-sitecustomize-tamper", {EXERCISE: partial, "sitecustomize.py": TAMPER_SITECUSTOMIZE,
                                                    "exercises/sitecustomize.py": TAMPER_SITECUSTOMIZE})  # fmt: skip
    _repo(folder / "hostile-init-tamper", {EXERCISE: partial, "exercises/__init__.py": TAMPER_INIT})
    _repo(folder / "hostile-oversized-file", {EXERCISE: SOLUTION.read_text() + "#" * 1_200_000 + "\n"})
    link = _repo(folder / "hostile-symlink-outside", {})
    (link / EXERCISE).unlink()
    os.symlink(SOLUTION, link / EXERCISE)
    linked = folder / "hostile-symlinked-exercises"
    linked.mkdir()
    os.symlink(KIT / "solutions", linked / "exercises")
    bare = folder / "hostile-no-exercises-folder"
    bare.mkdir()
    (bare / "README.md").write_text("I forgot to push my work.\n")
    return {
        "hostile-non-utf8": Expected("syntax_error", 0, hostile=True),
        "hostile-missing-file": missing,
        "hostile-conftest-tamper": Expected("ok", 8, hostile=True),
        "hostile-sitecustomize-tamper": Expected("ok", 8, hostile=True),
        "hostile-init-tamper": Expected("ok", 8, hostile=True),
        "hostile-oversized-file": missing,
        "hostile-symlink-outside": missing,
        "hostile-symlinked-exercises": missing,
        "hostile-no-exercises-folder": missing,
    }


def build_class(
    folder: Path, out: Path, layers: set[str], size: int = CLASS_SIZE, suites: Path = SUITES_DIR
) -> dict[str, Expected]:
    """Write the class into `folder` (created) and return each student's expected status and score.

    `out` is where the batch will write and `suites` the suites it grades with (hostile students try to write
    into both: give a grader without a sandbox copies); `layers` are the sandbox layers this machine grants
    (`grader.sandbox.probe()`): cases that need a missing one are left out, and correct students fill the class
    up to `size`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected = _ordinary(folder, layers)
    expected |= _hostile_files(folder, out, layers, suites)
    expected |= _hostile_made(folder)
    number = 2
    while len(expected) < size:
        _repo(folder / f"correct-{number}", {EXERCISE: SOLUTION.read_text()})
        expected[f"correct-{number}"] = Expected("ok", 10, hostile=False)
        number += 1
    return expected


def layer_names(report: dict) -> set[str]:
    """`{"processes", "network", ...}` from `grader.sandbox.probe()`."""
    return {layer.split(":")[0] for layer in report["layers"]}
