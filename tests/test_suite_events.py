"""What the parent reads from a suite's process: its events, shaped as the plugin sends them or not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from grader.model import Location
from grader.protocol import RunSetup
from grader.suite_events import DUMP_WAIT, SuiteRun, _ask_where, _on_event, follow

NONCE = "n0nce"


def followed(steps: list[str | float], time_left: float) -> SuiteRun:
    """What `follow` makes of a process that sends the events in `steps` (event names, or a check's begin and
    result as "begin:x" and "result:x") and sleeps the seconds among them, with `time_left` for its checks."""
    lines = []
    for step in steps:
        if isinstance(step, float):
            lines.append(f"time.sleep({step})")
            continue
        kind, _, name = step.partition(":")
        event = {"nonce": NONCE, "event": kind, "name": name, "status": "passed"}
        lines.append(f"events.write({json.dumps(json.dumps(event) + chr(10))}); events.flush()")
    read_fd, write_fd = os.pipe()
    code = "\n".join(["import os, sys, time", f"events = os.fdopen({write_fd}, 'w')", *lines])
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, pass_fds=(write_fd,))
    os.close(write_fd)
    run = SuiteRun()
    try:
        follow(proc, read_fd, RunSetup(NONCE, "m", ".", time_limit=60.0), run, expected=1, time_left=time_left)
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        os.close(read_fd)
    return run


def test_an_event_not_shaped_as_the_plugin_sends_it_is_ignored_not_a_crash():
    # Forging an event takes the run's nonce; one that has it still cannot take the grader down with bad fields.
    run = SuiteRun()
    malformed = [
        {"event": "result", "name": "x", "status": "top marks"},
        {"event": "result", "name": "x", "status": "passed", "location": {"file": "f"}},
        {"event": "result", "name": "x", "status": "passed", "duration": "long"},
        {"event": "import_error", "outcome": "forgiven", "message": "m"},
        {"event": "import_error", "outcome": "syntax_error", "message": ["m"]},
        {"event": "begin"},
        {"no event": True},
        ["not", "a", "dict"],
    ]
    for event in malformed:
        assert _on_event(event, run, per_check=1.0, deadline=42.0) == 42.0, event
    assert run.results == {} and run.import_failure is None and run.running is None
    well_formed = {"event": "result", "name": "x", "status": "passed", "location": {"file": "f.py", "line": 3}}
    _on_event(well_formed, run, per_check=1.0, deadline=42.0)
    assert run.results["x"].location == Location("f.py", 3)


def test_a_check_begun_is_told_to_the_display_whose_own_error_is_not_taken_for_a_malformed_event():
    told = []
    run = SuiteRun(on_check=told.append)
    assert _on_event({"event": "begin", "name": "first"}, run, per_check=1.0, deadline=42.0) != 42.0
    assert told == ["first"] and run.running == "first"

    def broken(name: str) -> None:
        raise KeyError(name)

    with pytest.raises(KeyError):
        _on_event({"event": "begin", "name": "second"}, SuiteRun(on_check=broken), per_check=1.0, deadline=42.0)


def test_the_time_before_the_first_check_begins_is_not_charged_to_the_checks():
    # pytest's collection and the grader's snapshot come between the import and the first check: on a loaded
    # machine they took a third of what three hanging checks left of the budget, and a right check timed out.
    run = followed(["importing", "imported", 2.0, "begin:x", 0.05, "result:x"], time_left=60.0)
    assert run.results["x"].passed and run.ended_in is None
    assert run.checking < 2.0, run.checking  # the 2 s sleep before the begin would be in it, however fast the rest


def test_code_that_hangs_after_the_import_before_any_check_is_still_cut_at_the_exercises_budget():
    run = followed(["importing", "imported", 60.0], time_left=0.5)
    assert run.ended_in == "timeout" and run.out_of_time and run.results == {}
    assert run.checking >= 0.5  # charged: no check began, so that time was the hang's


def test_where_a_hung_check_is_stuck_is_read_even_when_the_dump_comes_late():
    # A busy machine may not run the hung process for a while after it is asked where it is: a fixed 0.3 s missed
    # the dump, and the student's line with it. Here the process answers SIGUSR1 half a second late.
    code = (
        "import signal, sys, time\n"
        "def late(*_):\n"
        "    time.sleep(0.5)\n"
        "    sys.stdout.write('Current thread 0x1 (most recent call first):\\n  File \"x.py\", line 8 in spin\\n')\n"
        "    sys.stdout.flush()\n"
        "signal.signal(signal.SIGUSR1, late)\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    time.sleep(0.01)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    run = SuiteRun()
    try:
        assert proc.stdout.readline() == b"ready\n"
        started = time.monotonic()
        _ask_where(proc, run)
        waited = time.monotonic() - started
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert b"line 8 in spin" in run.output and waited < DUMP_WAIT, (run.output, waited)
