"""The runner's bounds on what one submission can cost: output, total time, cancellation, links."""

from __future__ import annotations

import os
import threading
import time

import pytest
from classroom import HOSTILE, SOLUTION
from support import grade_source, make_submission

from grader.catalog import load_catalog
from grader.errors import GradingCancelled, InternalError
from grader.model import Outcome, Status
from grader.runner import grade_exercise
from grader.suite_events import OUTPUT_LIMIT
from grader.suite_process import Cancellation

EXERCISE = load_catalog().get("01")


def test_printing_200_mb_is_stopped_at_the_output_limit(tmp_path):
    result = grade_source(tmp_path, "01", HOSTILE / "print_200mb.py")
    assert result.outcome is Outcome.CRASHED
    stopped = [c for c in result.checks if c.status is Status.CRASHED]
    assert stopped and all(f"more than {OUTPUT_LIMIT // 1024**2} MB" in c.message for c in stopped)
    assert result.score == 4  # the checks that do not call make_request keep their points


def test_code_that_hangs_in_every_check_costs_the_total_time_limit_not_more(tmp_path):
    started = time.monotonic()
    result = grade_source(tmp_path, "01", HOSTILE / "loop_in_coroutine.py")
    elapsed = time.monotonic() - started
    assert result.outcome is Outcome.TIMEOUT and result.score == 0
    assert any(c.message.startswith("not run: the checks before it took all") for c in result.checks)
    # 9 checks of 3 s + 2 s grace each would be 45 s; start-ups do not count against the limit, hence the margin
    assert elapsed < EXERCISE.total_time_limit + 15


def test_a_cancellation_stops_a_hanging_run_at_once(tmp_path):
    root = make_submission(tmp_path, {EXERCISE.filename: HOSTILE / "loop_in_coroutine.py"})
    cancellation = Cancellation()
    outcome: list[BaseException | None] = []

    def grade() -> None:
        try:
            grade_exercise(EXERCISE, root, cancellation=cancellation)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=grade)
    worker.start()
    time.sleep(2.0)
    cancelled_at = time.monotonic()
    cancellation.cancel()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert time.monotonic() - cancelled_at < 3
    assert isinstance(outcome[0], GradingCancelled)
    with pytest.raises(GradingCancelled):
        grade_exercise(EXERCISE, root, cancellation=cancellation)


def test_a_symbolic_link_is_not_followed_and_says_so(tmp_path):
    root = make_submission(tmp_path, {})
    os.symlink(SOLUTION, root / EXERCISE.relpath)
    result = grade_exercise(EXERCISE, root)
    assert result.outcome is Outcome.MISSING and result.score == 0
    assert "symbolic link" in result.message


def test_an_internal_error_in_one_exercise_stops_the_others_at_once(tmp_path, monkeypatch):
    """`grade` with two jobs: the error is the result, and the other exercise's endless loop is not waited out."""
    import grader.runner as runner

    root = make_submission(tmp_path, {EXERCISE.filename: HOSTILE / "loop_in_coroutine.py"})
    broken = load_catalog().get("02")
    real = runner.grade_exercise

    def grade_exercise(exercise, *args, **kwargs):
        if exercise.id == broken.id:
            time.sleep(1.0)  # exercise 01 is under way by now
            if kwargs.get("warm") is not None:  # started ahead for it: closed, as the real one closes it in any case,
                kwargs["warm"].close()  # not left to the garbage collector ("subprocess is still running")
            raise InternalError("the suite and the catalog disagree")
        return real(exercise, *args, **kwargs)

    monkeypatch.setattr(runner, "grade_exercise", grade_exercise)
    started = time.monotonic()
    with pytest.raises(InternalError):
        runner.grade([EXERCISE, broken], root, jobs=2)
    assert time.monotonic() - started < EXERCISE.total_time_limit / 2  # 01 alone would take its 12 s
