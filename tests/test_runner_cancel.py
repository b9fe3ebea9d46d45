"""A grading can be cancelled from another thread (`grader watch` does when the student saves again)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import make_submission

from grader.catalog import load_catalog
from grader.errors import GradingCancelled
from grader.runner import grade_exercise

FIRST = load_catalog().exercises[0]
HANGS = "def make_request(value, delay=1.0):\n    while True:\n        pass\n"


def children() -> set[int]:
    """Live processes whose parent is this process."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def test_cancel_stops_a_hanging_grading_at_once_and_leaves_no_process(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: HANGS})
    before = children()
    cancel = threading.Event()
    threading.Timer(1.0, cancel.set).start()
    started = time.perf_counter()
    with pytest.raises(GradingCancelled):
        grade_exercise(FIRST, root, cancel=cancel)
    assert time.perf_counter() - started < 1.0 + 1.0
    assert children() - before == set()


def test_an_event_never_set_changes_nothing(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: Path(__file__).parent.parent / "solutions" / FIRST.filename})
    assert grade_exercise(FIRST, root, cancel=threading.Event()).passed
