"""`grader watch` driven in a real terminal (tmux): what a student sees while working through exercises.

Skipped where tmux is missing (`apt-get install -y tmux`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path

import pytest
from course import build_course
from support import KIT, processes_using, wait_for, workspaces
from terminal import TMUX, Terminal

from grader.catalog import load_catalog

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed: apt-get install -y tmux")

BROKEN = "async def echo(value)\n    return value\n"
WRONG = "async def echo(value):\n    return list(value) if isinstance(value, list) else value\n"
WATCHING = "watching exercises/ex01_echo.py"


def save(path, text: str, *, atomically: bool = False) -> None:
    """Save like an editor: in place, or to a new file renamed over the old one (vim, many IDEs)."""
    if atomically:
        temporary = path.with_name(f".{path.name}.swp")
        temporary.write_text(text)
        os.replace(temporary, path)
    else:
        path.write_text(text)


@pytest.fixture
def terminal():
    term = Terminal(width=100, height=50)
    yield term
    term.close()


@pytest.fixture
def course(tmp_path):
    return build_course(tmp_path)


def test_watch_shows_failure_then_pass_then_moves_on(terminal, course):
    exercise = course.exercise("ex01_echo.py")
    terminal.start([*course.grader, "watch"], course.student, course.env())
    screen, _ = terminal.wait_for(WATCHING)
    assert "not implemented yet" in screen and "echo()" in screen

    save(exercise, BROKEN)
    screen, _ = terminal.wait_for(lambda s: "syntax error" in s and WATCHING in s)
    assert "exercises/ex01_echo.py:1" in screen
    assert "not implemented yet" not in screen, "the stub's verdict is still on screen"

    save(exercise, WRONG)
    screen, _ = terminal.wait_for(lambda s: "gave another object" in s and "exercises pass" in s)
    assert "syntax error" not in screen, "the broken file's verdict is still on screen"
    assert "expected: the same list object" in screen
    assert "at: exercises/ex01_echo.py:1 in echo" in screen
    assert "fix: Return the argument itself, not a copy." in screen
    assert "or press h for a hint" in screen and "grader hint" not in screen, "a key here, not a command"
    footer = next(line for line in screen.splitlines() if "exercises pass" in line)
    assert footer.endswith("exercise 01: 1/2 points"), "the score is in the footer too, near the prompt"

    terminal.type("h")
    screen, _ = terminal.wait_for("hint 1 of 2")
    assert "What does `await echo(5)` give" in screen
    terminal.type("h")
    screen, _ = terminal.wait_for("hint 2 of 2")
    assert "(that was the last one)" in screen
    terminal.type("h")  # every hint seen: they come round again, not the last one over and over
    screen, _ = terminal.wait_for("hint 1 of 2, again")

    terminal.type("r")  # graded again on request: the whole verdict, not "no change since the last run"
    screen, _ = terminal.wait_for(lambda s: "hint 1 of 2" not in s and WATCHING in s)
    assert "fix: Return the argument itself, not a copy." in screen and "No change" not in screen

    save(exercise, course.solution("ex01_echo.py"), atomically=True)
    screen, _ = terminal.wait_for("watching exercises/ex02_double.py")
    assert "Exercise 01 passes" in screen
    assert "Moving on to exercise 02" in screen
    assert "Exercise 02" in screen and "double()" in screen
    assert "gave another object" not in screen, "the wrong solution's verdict is still on screen"

    terminal.type("q")
    terminal.wait_for(r"\[exited 0\]")
    history = terminal.history()
    assert "Traceback" not in history and "internal error" not in history

    state = json.loads((course.student / ".grader-state.json").read_text())
    assert state["exercises"]["01"]["hints_shown"] == 2
    assert state["exercises"]["01"]["verdict"]["stage"] == "passed"


def test_watch_from_a_named_exercise_ends_when_everything_passes(terminal, course):
    save(course.exercise("ex01_echo.py"), course.solution("ex01_echo.py"))
    terminal.start([*course.grader, "watch", "2"], course.student, course.env())
    terminal.wait_for("watching exercises/ex02_double.py")
    save(course.exercise("ex02_double.py"), course.solution("ex02_double.py"))
    screen, _ = terminal.wait_for(r"\[exited 0\]")
    assert "Exercise 02 passes" in screen and "Every exercise passes" in screen
    assert "Traceback" not in terminal.history()


def test_watch_polling_fallback_sees_saves(terminal, course):
    terminal.start([*course.grader, "watch", "--poll"], course.student, course.env())
    terminal.wait_for(WATCHING)
    save(course.exercise("ex01_echo.py"), WRONG)
    terminal.wait_for(lambda s: "gave another object" in s and WATCHING in s)
    terminal.type("q")
    terminal.wait_for(r"\[exited 0\]")


def test_a_command_typed_into_the_watcher_is_told_where_it_belongs(terminal, course):
    terminal.start([*course.grader, "watch"], course.student, course.env())
    terminal.wait_for(WATCHING)
    terminal.type("ls")
    terminal.press("Enter")
    told = "only the keys h, r and q work here. Type commands in another terminal, or press q to stop watching first."
    terminal.wait_for(lambda s: told in " ".join(s.split()))  # folded to the terminal's width
    terminal.type("q")
    terminal.wait_for(r"\[exited 0\]")


def test_ctrl_c_stops_the_watcher_without_a_traceback(terminal, course):
    terminal.start([*course.grader, "watch"], course.student, course.env())
    terminal.wait_for(WATCHING)
    terminal.press("C-c")
    terminal.wait_for(r"\[exited 0\]")
    assert "Traceback" not in terminal.history() and "Stopped watching." in terminal.history()


def test_closing_the_terminal_stops_the_watcher_and_leaves_nothing_behind(terminal, course, tmp_path):
    """Closing the window sends SIGHUP: the watcher must restore nothing on a terminal that is gone, remove its
    copies of the files and stop its suites. A wrapper that outlives the terminal keeps its exit code."""
    tmp, record = tmp_path / "tmp", tmp_path / "exit"
    tmp.mkdir()
    wrapper = (
        "import signal, subprocess, sys\n"
        "child = subprocess.Popen(sys.argv[2:], stderr=open(sys.argv[1] + '.err', 'w'))\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "code = child.wait()\n"
        "open(sys.argv[1] + '.tmp', 'w').write(str(code))\n"
        "import os; os.replace(sys.argv[1] + '.tmp', sys.argv[1])\n"  # whole, or not yet there: the test polls it
    )
    argv = [sys.executable, "-c", wrapper, str(record), *course.grader, "watch"]
    terminal.start(argv, course.student, course.env(TMPDIR=str(tmp)))
    terminal.wait_for(WATCHING)
    wait_for(lambda: workspaces(tmp) != [])  # the warm start for the next save
    terminal.close()
    wait_for(record.exists)
    assert record.read_text() in ("0", "130"), Path(f"{record}.err").read_text()
    assert "Traceback" not in Path(f"{record}.err").read_text()
    assert workspaces(tmp) == []
    wait_for(lambda: processes_using(tmp) == [], timeout=5)


def test_no_color_on_a_terminal_has_no_colours(terminal, course):
    terminal.start([*course.grader, "check", "01"], course.student, course.env(NO_COLOR="1"))
    terminal.wait_for(r"\[exited 1\]")
    raw = terminal.raw_screen()
    assert "Exercise 01" in raw
    assert not any(f"\x1b[{n}" in raw for n in range(30, 38)), "NO_COLOR output has colour codes"


def _latency_bench():
    spec = importlib.util.spec_from_file_location("watch_latency", KIT / "bench" / "watch_latency.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("exercise_id", [e.id for e in load_catalog() if e.id in ("01", "02", "03")])
def test_the_verdict_is_on_screen_within_2_s_of_the_save(exercise_id):
    """The kit's real exercises, their reference solutions saved over the stubs (bench/watch_latency.py).

    The README says "within a second"; this allows twice that. The figure is wall-clock time and the grading it
    waits for is real work: medians of 0.6 to 0.9 s at load 11-12 on two cores, 1.58 and 1.93 s (01 and 03) once
    at load 14-18, and 2.6 to 3.1 s (01, Python 3.12, a full run beside other suites at load 15-18) where the same
    test alone at load 15 took 1.27 s. So past 2 s the load is measured rather than guessed: a cold `grader check`
    of the same solution, started right after, does the same grading plus the start-up the watcher's warm process
    spares a save (4.6 to 4.9 s against 1.27 s at load 14, 27%), and the save may take at most 60% of it: over
    twice the margin, while a watcher that lost its warm start pays the suite's start-up, most of a cold check."""
    bench = _latency_bench()
    figures = bench.measure(exercise_id, repeats=3, think=2.0)  # the next process is up well before
    if statistics.median(figures) <= 2.0:
        return
    cold = [bench.measure_cold(exercise_id) for _ in figures]
    assert statistics.median(figures) <= 0.6 * statistics.median(cold), (figures, cold)


def test_a_long_grading_says_which_check_runs_and_leaves_no_trace(terminal, course):
    terminal.start([*course.grader, "watch"], course.student, course.env())
    terminal.wait_for(WATCHING)
    save(course.exercise("ex01_echo.py"), "async def echo(value):\n    while True:\n        pass\n")
    screen, _ = terminal.wait_for(r"grading exercises/ex01_echo\.py: check 1 of 2, \d s")  # it moves: no hang
    save(course.exercise("ex01_echo.py"), WRONG)  # saved again mid-grading: that grading is dropped
    screen, _ = terminal.wait_for(lambda s: "gave another object" in s and WATCHING in s)
    assert "grading exercises" not in screen and "did not finish" not in screen


def test_a_save_of_another_exercise_is_said_to_be_graded_elsewhere_once(terminal, course):
    terminal.start([*course.grader, "watch"], course.student, course.env())
    terminal.wait_for(WATCHING)
    save(course.exercise("ex02_double.py"), "async def double(x):\n    return x * 2\n")
    told = "exercises/ex02_double.py was saved; this watcher grades exercises/ex01_echo.py: press q, then run"
    ending = "watch 02` to work on exercise 02."
    # Both parts in one wait: the terminal may be read while it is still drawing the line between them.
    screen, _ = terminal.wait_for(lambda s: told in " ".join(s.split()) and ending in " ".join(s.split()))
    assert ending in " ".join(screen.split())
    save(course.exercise("ex02_double.py"), "async def double(x):\n    return 2 * x\n")
    time.sleep(0.5)  # a second save of it: said once is enough
    assert " ".join(terminal.screen().split()).count(told) == 1
    terminal.type("q")
    terminal.wait_for(r"\[exited 0\]")
