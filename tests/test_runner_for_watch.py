"""What the runner offers `grader watch`: cancelling a grading, and a pytest process started ahead of time."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from support import children, make_submission

from grader.catalog import load_catalog
from grader.errors import GradingCancelled
from grader.runner import grade_exercise
from grader.suite_process import Cancellation, WarmStart

FIRST = load_catalog().exercises[0]
SOLUTION = Path(__file__).parent.parent / "solutions" / FIRST.filename
HANGS = "def make_request(value, delay=1.0):\n    while True:\n        pass\n"


def test_cancel_stops_a_hanging_grading_at_once_and_leaves_no_process(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: HANGS})
    before = children()
    cancellation = Cancellation()
    threading.Timer(1.0, cancellation.cancel).start()
    started = time.perf_counter()
    with pytest.raises(GradingCancelled):
        grade_exercise(FIRST, root, cancellation=cancellation)
    assert time.perf_counter() - started < 1.0 + 1.0
    assert children() - before == set()


def test_a_cancellation_never_used_changes_nothing(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: SOLUTION})
    assert grade_exercise(FIRST, root, cancellation=Cancellation()).passed


def test_a_cancelled_warm_start_is_not_used(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: SOLUTION})
    before = children()
    cancellation = Cancellation()
    cancellation.cancel()
    with pytest.raises(GradingCancelled):
        grade_exercise(FIRST, root, cancellation=cancellation, warm=WarmStart(FIRST))
    assert children() - before == set()


def test_a_warm_start_grades_the_files_as_they_are_when_grading_begins(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: "broken(\n"})
    before = children()
    warm = WarmStart(FIRST)
    time.sleep(0.5)  # the student edits while the process starts
    (root / FIRST.relpath).write_text(SOLUTION.read_text())
    assert grade_exercise(FIRST, root, warm=warm).passed
    assert not warm.workspace.exists()
    assert children() - before == set()


def test_a_warm_start_that_died_is_replaced_by_a_fresh_process(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: SOLUTION})
    warm = WarmStart(FIRST)
    os.killpg(warm._started.proc.pid, 9)
    warm._started.proc.wait()
    assert grade_exercise(FIRST, root, warm=warm).passed


def test_an_unused_warm_start_closes_without_a_trace():
    before = children()
    warm = WarmStart(FIRST)
    warm.close()
    warm.close()
    assert not warm.workspace.exists() and children() - before == set()
