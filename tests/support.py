"""Shared helpers for the kit's own tests: build a submission from files and grade it."""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from grader.catalog import load_catalog
from grader.model import ExerciseResult
from grader.runner import grade_exercise
from grader.suite_process import fork_servers

KIT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SUBMISSIONS = DATA / "submissions"

_OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def obeyed(text: str, *, colours: bool = False) -> list[str]:
    """The characters of `text` that a terminal, an editor or a browser would obey rather than show: C0 and C1
    controls but newline and tab, bidi controls, line separators. With `colours`, the colour codes that rich
    writes on a terminal are allowed (nothing else that starts with ESC is)."""
    return _OBEYED.findall(_COLOURS.sub("", text) if colours else text)


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


GRADES_ENV = "ASYNCIO_KIT_TEST_GRADES"
"""The folder (made by conftest.py for one test run) where grade_source keeps its verdicts."""


def grade_source(tmp_path: Path, exercise_id: str, source: str | Path) -> ExerciseResult:
    """Grade one exercise whose file holds `source` (text, or a path to a file).

    A verdict is a function of the file and the environment (the grader's verdicts are deterministic: verdict_runs.py
    proves it under load), so a file graded by one test, a wrong solution in its catalogue say, is not graded again
    by the test that reads its messages; the first grading, the real one, is what both see."""
    exercise = load_catalog().get(exercise_id)
    text = source.read_bytes() if isinstance(source, Path) else source.encode()
    kept = _kept_verdict(exercise_id, text)
    if kept is None:
        return grade_exercise(exercise, make_submission(tmp_path, {exercise.filename: source}))
    # Held while grading: a worker that wants the same file meanwhile waits for this verdict rather than grade it a
    # second time beside it, on the same two cores (the file's tests are many, and xdist runs them in any order).
    with open(kept.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if kept.is_file():
            make_submission(tmp_path, {exercise.filename: source})
            return pickle.loads(kept.read_bytes())
        result = grade_exercise(exercise, make_submission(tmp_path, {exercise.filename: source}))
        partial = kept.with_suffix(f".{os.getpid()}")
        partial.write_bytes(pickle.dumps(result))
        partial.replace(kept)  # whole or not at all, should a worker die while writing it
    return result


def _kept_verdict(exercise_id: str, text: bytes) -> Path | None:
    folder = os.environ.get(GRADES_ENV)
    if not folder:
        return None
    environment = sorted((k, v) for k, v in os.environ.items() if not k.startswith("PYTEST_"))
    key = hashlib.sha256(repr((exercise_id, text, environment)).encode()).hexdigest()
    return Path(folder) / f"{key}.pickle"


def workspaces(tmp: Path) -> list[Path]:
    """The grader's temporary copies of a submission in `tmp` (its TMPDIR)."""
    return sorted(tmp.glob("grader-*"))


def children() -> set[int]:
    """Live processes whose parent is this process, but the grader's fork servers (`grader.fork_server`), which
    outlive every grading by design."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.add(int(entry.name))
    return found - fork_servers()


def processes_using(tmp: Path) -> list[int]:
    """Processes whose environment names `tmp` (a grader run with TMPDIR=tmp, and the suites it starts afresh) or
    whose working folder is inside it (the suites it forks, whose environment /proc shows as their server's, and
    whatever they start)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                environment = (entry / "environ").read_bytes()
                cwd = os.readlink(entry / "cwd")
            except OSError:  # gone meanwhile, or not ours to read
                continue
            if str(tmp).encode() in environment or Path(cwd).is_relative_to(tmp):
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
