"""Code that never lets go (leaked workers, a thread stuck in an executor, a pool whose shutdown waits forever)
never hangs the grader: every check gets a verdict within a bounded time, and nothing it started survives.

Test data: tests/data/submissions/hang/exNN_slug/<case>.py, first line `# fails: check_a, ...`. Each spinner
process a case starts writes its pid to `$GRADER_HANG_PIDS_FILE`, in /dev/shm: the sandbox lets a suite write only
there and in its workspace. The exercise's time limit is cut to `LIMIT` to keep this short.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from pathlib import Path

import pytest
from support import SUBMISSIONS, make_submission
from test_solutions_and_wrong import declared_failures

from grader.catalog import load_catalog
from grader.run_processes import PidsCgroup
from grader.runner import grade_exercise
from grader.suite_events import GRACE

CATALOG = load_catalog()
LIMIT = 1.5
SHARED_MEMORY = Path("/dev/shm")
RESTART = 4.0
"""Seconds to start a fresh pytest process after a kill, on a busy machine."""


def cases() -> list[tuple[str, Path]]:
    found = []
    for exercise in CATALOG:
        folder = SUBMISSIONS / "hang" / exercise.filename.removesuffix(".py")
        found += [(exercise.id, path) for path in sorted(folder.glob("*.py"))]
    return found


def alive(pid: int) -> bool:
    """Running or sleeping; a zombie has exited already and only waits for its new parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize(("exercise_id", "path"), cases(), ids=lambda v: getattr(v, "stem", v))
def test_runaway_code_is_stopped_and_cleaned_up(tmp_path, monkeypatch, exercise_id, path):
    check_runaway_case(tmp_path, monkeypatch, exercise_id, path)


def test_what_left_the_process_group_is_killed_where_no_cgroup_holds_the_run(tmp_path, monkeypatch):
    """A non-root user, or root with a read-only /sys/fs/cgroup, gets no pids cgroup: the daemons the case leaves
    in sessions of their own are then found by the run's marker in their environment (`run_processes.kill_marked`)."""
    monkeypatch.setattr(PidsCgroup, "create", classmethod(lambda cls, limit=0: None))
    path = SUBMISSIONS / "hang" / "ex01_futures" / "daemon_in_a_session_of_its_own.py"
    check_runaway_case(tmp_path, monkeypatch, "01", path)


def check_runaway_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exercise_id: str, path: Path) -> None:
    exercise = dataclasses.replace(CATALOG.get(exercise_id), time_limit=LIMIT)
    if not SHARED_MEMORY.is_dir():
        pytest.skip("needs /dev/shm, where a sandboxed suite may write")
    handle, name = tempfile.mkstemp(dir=SHARED_MEMORY, prefix="asyncio-kit-hang-pids-")
    os.close(handle)
    pids = Path(name)
    monkeypatch.setenv("GRADER_HANG_PIDS_FILE", name)
    try:
        check_runaway(exercise, path, tmp_path, pids)
    finally:
        pids.unlink()


def check_runaway(exercise, path: Path, tmp_path: Path, pids: Path) -> None:
    started = time.monotonic()
    result = grade_exercise(exercise, make_submission(tmp_path / "submission", {exercise.filename: path}))
    elapsed = time.monotonic() - started

    bound = len(exercise.checks) * (LIMIT + GRACE + RESTART)
    assert elapsed < bound, f"grading took {elapsed:.1f} s, more than {bound:.0f} s"
    assert len(result.checks) == len(exercise.checks)
    failed = {c.name for c in result.checks if not c.passed}
    assert declared_failures(path) <= failed, [(c.name, c.status.value, c.message) for c in result.checks]
    for check in result.checks:
        assert "Traceback" not in check.message, check.message

    deadline = time.monotonic() + 5
    survivors = [int(p) for p in pids.read_text().split()]
    if "GRADER_HANG_PIDS_FILE" in path.read_text():
        assert survivors, "the case started no spinner process, so this test would prove nothing"
    while survivors and time.monotonic() < deadline:
        survivors = [pid for pid in survivors if alive(pid)]
        time.sleep(0.1)
    assert survivors == [], f"processes started by the submission outlived grading: {survivors}"
