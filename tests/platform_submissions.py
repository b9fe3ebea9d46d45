"""Submissions of exercise 01 in the shapes every platform must report: passing, partial, stub, crashing, hanging.

`graded()` grades the passing, partial and stub ones once per test session, for the tests of every output format.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from support import KIT, make_submission

from grader.catalog import load_catalog
from grader.model import SubmissionResult
from grader.runner import grade

SOLUTION = (KIT / "solutions" / "ex01_futures.py").read_text(encoding="utf-8")
_HEAD, _SEPARATOR, _ = SOLUTION.partition("def make_failing_request")


def _with_failing_request(body: str) -> str:
    """The reference solution whose make_failing_request does `body` instead."""
    return f"{_HEAD}{_SEPARATOR}(exc: Exception, delay: float = 1.0) -> asyncio.Future:\n    {body}\n"


SOURCES = {
    "passing": SOLUTION,
    "partial": _with_failing_request('raise NotImplementedError("like make_request, with set_exception")'),
    "stub": (KIT / "exercises" / "ex01_futures.py").read_text(encoding="utf-8"),
    "crashing": "import os\n" + _with_failing_request("os._exit(3)"),
    "hanging": _with_failing_request("while True:\n        pass"),
}
POINTS = {"passing": 10, "partial": 8, "stub": 0, "crashing": 8, "hanging": 8}
"""What each earns: make_failing_request's two checks are worth 1 point each, exercise 01 is worth 10."""
MAX_POINTS = 10


def submission(folder: Path, kind: str) -> Path:
    return make_submission(folder, {"ex01_futures.py": SOURCES[kind]})


@cache
def graded() -> dict[str, SubmissionResult]:
    """The passing, partial and stub submissions of exercise 01, graded (once)."""
    exercises = load_catalog().select(["01"])
    with tempfile.TemporaryDirectory(prefix="grader-platforms-") as folder:
        return {
            kind: grade(exercises, submission(Path(folder) / kind, kind), jobs=1)
            for kind in ("passing", "partial", "stub")
        }
