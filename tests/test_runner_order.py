"""Several exercises graded at once start with the longest (`grading_seconds` in exercises.toml), two per CPU by
default; one job grades in course order. The results come back in course order either way."""

from __future__ import annotations

import threading

import pytest

from grader import runner
from grader.catalog import load_catalog
from grader.model import ExerciseResult

CATALOG = load_catalog()


class _NoWarmStart:
    def __init__(self, exercise) -> None:
        self.exercise = exercise

    def close(self) -> None:
        pass


@pytest.fixture
def taken(monkeypatch, tmp_path):
    """The order in which the runner takes the exercises, none of them really graded."""
    order: list[str] = []
    lock = threading.Lock()

    def grade_exercise(exercise, root, **_):
        with lock:
            order.append(exercise.id)
        return ExerciseResult(
            id=exercise.id, slug=exercise.slug, title=exercise.title, file=exercise.relpath, checks=[]
        )

    monkeypatch.setattr(runner, "grade_exercise", grade_exercise)
    monkeypatch.setattr(runner, "WarmStart", _NoWarmStart)
    (tmp_path / "exercises").mkdir()
    return order, tmp_path


def test_several_at_once_start_with_the_longest_and_come_back_in_course_order(taken):
    order, root = taken
    result = runner.grade(list(CATALOG), root, jobs=2)
    assert order[:2] == ["09", "04"]  # the two longest, each on one of the two workers at once
    assert [e.id for e in result.exercises] == [e.id for e in CATALOG]


def test_one_job_grades_in_course_order(taken):
    order, root = taken
    runner.grade(list(CATALOG), root, jobs=1)
    assert order == [e.id for e in CATALOG]


def test_the_default_is_two_jobs_per_cpu(taken, monkeypatch):
    _, root = taken
    monkeypatch.setattr(runner, "usable_cpus", lambda: 2)
    seen: list[int] = []
    real = runner._in_workers
    monkeypatch.setattr(
        runner, "_in_workers", lambda work, jobs, cancellation: seen.append(jobs) or real(work, jobs, cancellation)
    )
    runner.grade(list(CATALOG), root)
    assert seen == [4]


def test_the_catalogs_durations_put_the_slowest_exercises_first():
    longest = sorted(CATALOG, key=lambda e: -e.grading_seconds)[:2]
    assert {e.id for e in longest} == {"04", "09"}  # process pools and 09's blocking steps (bench/check_speed.py)
    assert all(e.grading_seconds > 0 for e in CATALOG)
