"""The line `grader check` keeps on a terminal while it grades (grader.live), and what the runner tells it."""

from __future__ import annotations

import io
import threading

from support import KIT, make_submission

from grader.catalog import load_catalog
from grader.live import QUIET_FOR, SHOWN_AFTER, GradingLine, shown_while_grading
from grader.model import ExerciseResult
from grader.runner import grade

CATALOG = load_catalog()
FIRST, SECOND = CATALOG.get("01"), CATALOG.get("02")


def done(exercise) -> ExerciseResult:
    return ExerciseResult(exercise.id, exercise.slug, exercise.title, exercise.relpath, checks=[])


def test_the_line_stays_empty_while_the_grading_is_young_then_names_the_running_check():
    line = GradingLine([FIRST])
    start = line._started
    line.check_started(FIRST, FIRST.checks[2].name)
    assert line.text(now=start + QUIET_FOR / 2) == ""
    shown = line.text(now=start + QUIET_FOR + 0.1)
    assert shown.endswith(f"grading 01: check 3 of {len(FIRST.checks)}"), shown


def test_a_long_check_shows_its_time_and_several_exercises_show_how_many_are_done():
    line = GradingLine([FIRST, SECOND], unicode=False)
    line.check_started(FIRST, FIRST.checks[0].name)
    line.check_started(SECOND, SECOND.checks[1].name)
    line.exercise_done(done(FIRST))
    later = line._running[SECOND.id][1] + SHOWN_AFTER + 4.2
    shown = line.text(now=later)
    assert shown[1:] == f" grading: 1 of 2 exercises done | 02: check 2 of {len(SECOND.checks)}, 5 s", shown
    assert shown[0] in "|/-\\"  # a terminal that cannot show braille dots spins in ASCII


def test_nothing_is_shown_where_the_output_is_not_a_terminal():
    with shown_while_grading([FIRST], io.StringIO()) as line:
        assert line is None


def test_the_runner_tells_each_check_as_it_starts_and_each_exercise_as_it_is_done(tmp_path):
    root = make_submission(tmp_path, {e.filename: KIT / "solutions" / e.filename for e in (FIRST, SECOND)})
    told: list[tuple[str, str]] = []
    lock = threading.Lock()

    class Recorder:
        def check_started(self, exercise, name):
            with lock:
                told.append((exercise.id, name))

        def exercise_done(self, result):
            with lock:
                told.append((result.id, "done"))

    grade([FIRST, SECOND], root, jobs=2, progress=Recorder())
    for exercise in (FIRST, SECOND):
        assert [name for id_, name in told if id_ == exercise.id] == [c.name for c in exercise.checks] + ["done"]
