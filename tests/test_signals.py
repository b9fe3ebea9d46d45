"""A grader stopped from outside (a closed terminal, `kill`, a cancelled CI job) cleans up as Ctrl-C does:
no temporary copy of the student's files and no suite process outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from course import build_course
from support import KIT, make_submission, processes_using, wait_for, workspaces

ENDLESS = """
import asyncio

def make_request(value, delay=1.0):
    while True:
        pass
"""


def test_sigterm_stops_a_check_and_removes_its_copy_and_its_suite(tmp_path):
    submission = make_submission(tmp_path / "student", {"ex01_futures.py": ENDLESS})
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", "check", "01", "--path", str(submission)],
        cwd=KIT, env={**os.environ, "TMPDIR": str(tmp), "NO_COLOR": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: any((w / "tmp").is_dir() for w in workspaces(tmp)))  # a suite is running in the copy
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert "stopped." in stderr and "Traceback" not in stderr
    assert workspaces(tmp) == []
    wait_for(lambda: processes_using(tmp) == [], timeout=5)


def _hangup_as_a_terminal_sends_it() -> None:
    # With its default disposition, even where these tests run under `nohup`: the grader keeps an ignored SIGHUP
    # ignored, as nohup asks, and would (rightly) outlive it.
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def test_a_closed_terminal_stops_watch_and_removes_its_copies(tmp_path):
    course = build_course(tmp_path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen(
        [*course.grader, "watch", "02"], cwd=course.student, env=course.env(TMPDIR=str(tmp)), text=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        preexec_fn=_hangup_as_a_terminal_sends_it,
    )  # fmt: skip
    try:
        wait_for(lambda: workspaces(tmp) != [])  # watch keeps a warm start, with its copy, ready for the next save
        time.sleep(0.5)
        proc.send_signal(signal.SIGHUP)
        output, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode in (0, 130), output
    assert "Traceback" not in output
    assert workspaces(tmp) == []
    wait_for(lambda: processes_using(tmp) == [], timeout=5)
