"""`grader.fork_server`: a forked suite process is what `subprocess.Popen` would have started (its own session, the
run's folder, environment and pipes, nothing else of the server's), its end is reported, its pid stays reserved
until the grader releases it, and a server that dies costs no grading."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest
from support import KIT, SUBMISSIONS, children, make_submission

from grader import runner, suite_process
from grader.catalog import load_catalog
from grader.fork_server import ForkedProcess, ForkServer
from grader.model import CheckResult, Status
from grader.run_processes import PidsCgroup
from grader.runner import grade_exercise
from grader.suite_events import SuiteRun

FIRST = load_catalog().get("01")
REPORT = """\
import json, os


def test_report():
    fds = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            fds[fd] = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own
            pass
    facts = {"sid": os.getsid(0), "pid": os.getpid(), "cwd": os.getcwd(), "env": dict(os.environ), "fds": fds}
    print(json.dumps(facts))
"""
SLEEPS = "import time\n\ndef test_sleep():\n    time.sleep(60)\n"
AUTHKEY = """\
import json, sys

PRELOADED = "multiprocessing.process" in sys.modules
import multiprocessing  # noqa: E402


def test_report():
    key = bytes(multiprocessing.current_process().authkey).hex()
    print(json.dumps({"preloaded": PRELOADED, "authkey": key}))
"""
STATUS = "import os\n\ndef test_exit():\n    os._exit(int(os.environ['EXIT_WITH']))\n"
IGNORES_SIGCHLD = """\
import os, signal


def test_exit():  # 7: ignored, as in a process the grader would have started itself
    os._exit(7 if signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN else 8)
"""


def new_server(env: dict[str, str]) -> ForkServer:
    return ForkServer([sys.executable, "-s", "-B"], suite_process.PINNED_GRADER, env, [])


@pytest.fixture
def server():
    started = new_server({"PATH": os.environ["PATH"], "LANG": "C.UTF-8"})
    assert started.wait_ready()
    yield started
    started.close()


def spawn(server: ForkServer, folder: Path, source: str, env: dict[str, str]) -> tuple[ForkedProcess, int]:
    test_file = folder / "test_probe.py"
    test_file.write_text(source)
    events_read, events_write = os.pipe()
    args = ["-c", os.devnull, "--rootdir", str(folder), "-p", "no:cacheprovider", "-q", "-s", str(test_file)]
    try:
        child = server.spawn(args, {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", **env}, folder, events_write)
    finally:
        os.close(events_write)
    assert child is not None
    return child, events_read


def test_a_forked_process_is_set_up_as_a_fresh_one_would_be(server, tmp_path):
    (tmp_path / "other").mkdir()
    other, other_events = spawn(server, tmp_path / "other", SLEEPS, {})  # the server then watches a child's pidfd
    child, events = spawn(server, tmp_path, REPORT, {"MARK": "run-1"})
    child.stdin.close()
    output = child.stdout.read().decode()
    assert child.wait(30) == 0, output
    report = json.loads(next(line for line in output.splitlines() if line.startswith("{")))
    assert report["sid"] == report["pid"] == child.pid  # a session of its own: the grader's killpg reaches it all
    assert report["cwd"] == str(tmp_path)
    assert report["env"]["MARK"] == "run-1" and "LANG" not in report["env"]  # the run's environment, not the server's
    events_fd = report["env"]["GRADER_EVENTS_FD"]
    assert report["fds"][events_fd].startswith("pipe:")
    # Nothing of the server's: its socket to the grader, the pidfds of its other children (pytest's own dups of
    # the standard streams, and its `-c /dev/null`, are the rest).
    assert not [t for t in report["fds"].values() if t.startswith(("socket:", "anon_inode:"))], report["fds"]
    other.kill_group()
    other.wait(30)
    for fd in (events, other_events):
        os.close(fd)


def test_exit_statuses_are_reported_and_the_pid_is_held_until_released(server, tmp_path):
    child, events = spawn(server, tmp_path, STATUS, {"EXIT_WITH": "7"})
    child.stdin.close()
    child.stdout.read()
    child._exited.wait(30)
    assert child.poll() == 7
    state = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    assert state == "Z"  # ended, and still reserved: no other process can take its pid or its group's id
    assert child.wait() == 7
    os.close(events)


def test_a_killed_process_reports_the_signal(server, tmp_path):
    child, events = spawn(server, tmp_path, SLEEPS, {})
    child.kill_group()
    assert child.wait(30) == -signal.SIGKILL
    child.stdin.close()
    child.stdout.close()
    os.close(events)


def test_the_server_ends_when_the_grader_lets_go_of_it():
    server = new_server({"PATH": os.environ["PATH"]})
    assert server.wait_ready()
    server.close()
    assert server._proc.returncode == 0


def test_a_server_that_dies_costs_no_grading_and_is_replaced(tmp_path):
    root = make_submission(tmp_path, {FIRST.filename: KIT / "solutions" / FIRST.filename})
    assert grade_exercise(FIRST, root).passed and grade_exercise(FIRST, root).passed  # the second has a server
    killed = suite_process.fork_servers()
    assert killed
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    assert grade_exercise(FIRST, root).passed  # started afresh, or by a new server if the old one is known dead
    assert grade_exercise(FIRST, root).passed
    assert suite_process.fork_servers() - killed  # a new one took its place


def test_a_server_that_dies_during_a_check_costs_the_student_nothing(tmp_path):
    """Its suite processes die with it (PR_SET_PDEATHSIG): the checks they had not finished are run again in a
    process of the grader's own, not failed as crashed."""
    exercise = load_catalog().get("09")  # checks long enough to be caught in the middle
    root = make_submission(tmp_path, {exercise.filename: KIT / "solutions" / exercise.filename})
    suite_process.expect_several()
    killed: set[int] = set()

    def kill_the_server(name: str) -> None:
        if name == exercise.checks[1].name and not killed:
            for pid in suite_process.fork_servers():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:  # an earlier test killed it, and its environment was not used since
                    continue
                killed.add(pid)

    result = grade_exercise(exercise, root, on_check=kill_the_server)
    assert killed
    assert result.passed, [(c.name, c.message) for c in result.checks if not c.passed]


def test_a_server_whose_kernel_refuses_pidfd_open_never_says_ready(tmp_path):
    """os.pidfd_open exists on every Linux Python, but an old kernel (before 5.3) or a container's seccomp filter
    refuses it: a server that said ready would die at its first fork, and a new one be started for every suite."""
    (tmp_path / "sitecustomize.py").write_text(
        "import errno, os\n\n\ndef _refused(*args):\n    raise OSError(errno.ENOSYS, 'no pidfd_open')\n\n\n"
        "os.pidfd_open = _refused\n"
    )
    refused = new_server({"PATH": os.environ["PATH"], "PYTHONPATH": str(tmp_path)})
    began = time.monotonic()
    try:
        assert not refused.wait_ready(30)
        assert not refused.was_ready
        assert time.monotonic() - began < 15  # its end is news at once: the grader does not wait out READY_LIMIT
    finally:
        refused.close()


def test_without_a_cgroup_suites_are_started_afresh(tmp_path, monkeypatch):
    monkeypatch.setattr(PidsCgroup, "create", classmethod(lambda cls, limit=0: None))
    started = []
    real_start = suite_process.start_suite

    def noting(*args, **kwargs):
        started.append(process := real_start(*args, **kwargs))
        return process

    monkeypatch.setattr(suite_process, "start_suite", noting)
    before = children()
    root = make_submission(tmp_path, {FIRST.filename: SUBMISSIONS / "alternative" / FIRST.filename})
    assert grade_exercise(FIRST, root).passed
    assert children() - before == set()
    assert all(not isinstance(process.proc, ForkedProcess) for process in started)


def test_a_child_whose_server_dies_as_it_reports_the_start_can_still_be_waited_for(server, tmp_path):
    real_await = server._await

    def dying(timeout: float) -> dict | None:
        reply = real_await(timeout)
        os.kill(server.pid, signal.SIGKILL)  # after its "started", before `spawn` has taken the pid
        server._reader.join(30)  # the grader's side has handed the children it knew to pidfds of their own
        return reply

    server._await = dying
    child, events = spawn(server, tmp_path, STATUS, {"EXIT_WITH": "7"})
    child.stdin.close()
    child.stdout.read()
    assert child.wait(30) == -signal.SIGKILL  # its status went with the server; its end did not
    child.stdout.close()
    os.close(events)


def test_when_the_server_dies_its_running_children_are_known_lost_and_its_ended_ones_keep_their_status(tmp_path):
    started = new_server({"PATH": os.environ["PATH"]})
    assert started.wait_ready()
    (tmp_path / "ended").mkdir()
    ended, ended_events = spawn(started, tmp_path / "ended", STATUS, {"EXIT_WITH": "7"})
    ended.stdin.close()
    ended.stdout.read()
    assert ended._exited.wait(30)
    running, running_events = spawn(started, tmp_path, SLEEPS, {})
    assert running._pidfd is not None  # taken while the server held it: no later owner of the pid is waited for
    os.kill(started.pid, signal.SIGKILL)
    started._reader.join(30)
    assert running.lost_server and not ended.lost_server
    os.killpg(running.pid, signal.SIGKILL)  # what PR_SET_PDEATHSIG does in a suite process (the plugin sets it)
    assert running.wait(30) == -signal.SIGKILL
    assert ended.wait(30) == 7
    for fd in (ended_events, running_events):
        os.close(fd)
    for child in (ended, running):
        child.stdin.close()
        child.stdout.close()
    started.close()


def test_a_spawn_interrupted_while_it_waits_gives_the_server_up(server, tmp_path):
    real_get = server._replies.get

    def interrupted(*args: object, **kwargs: object) -> dict:
        server._replies.get = real_get
        raise KeyboardInterrupt  # Ctrl-C, or SIGTERM through `grader.cli._stop`

    server._replies.get = interrupted
    (tmp_path / "test_probe.py").write_text(STATUS)
    args = ["-c", os.devnull, "--rootdir", str(tmp_path), "-p", "no:cacheprovider", "-q", str(tmp_path)]
    events_read, events_write = os.pipe()
    with pytest.raises(KeyboardInterrupt):
        server.spawn(args, {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "EXIT_WITH": "3"}, tmp_path, events_write)
    # The reply to that request is still to come: a later spawn would take it, and its pid, for its own.
    assert not server.usable
    assert server.spawn(args, {"EXIT_WITH": "3"}, tmp_path, events_write) is None
    for fd in (events_read, events_write):
        os.close(fd)


def test_a_server_started_with_sigchld_ignored_still_holds_and_reports_exits(tmp_path):
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # passed on through exec, as a grader's parent may
    try:
        started = new_server({"PATH": os.environ["PATH"]})
    finally:
        signal.signal(signal.SIGCHLD, previous)
    try:
        assert started.wait_ready()
        child, events = spawn(started, tmp_path, IGNORES_SIGCHLD, {})
        child.stdin.close()
        child.stdout.read()
        assert child._exited.wait(30)
        state = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        assert state == "Z"
        assert child.wait() == 7
        child.stdout.close()
        os.close(events)
    finally:
        started.close()


def test_a_suite_whose_imports_fail_to_preload_does_not_end_the_server(tmp_path):
    started = ForkServer([sys.executable, "-s", "-B"], suite_process.PINNED_GRADER, {}, [str(tmp_path / "gone.py")])
    try:
        assert started.wait_ready()
        child, events = spawn(started, tmp_path, STATUS, {"EXIT_WITH": "7"})
        child.stdin.close()
        child.stdout.read()
        assert child.wait(30) == 7
        child.stdout.close()
        os.close(events)
    finally:
        started.close()


def test_each_forked_process_has_an_authkey_of_its_own(tmp_path):
    """multiprocessing draws it as it is imported: preloaded, it would be every student's, where a fresh start has
    one of its own (it authenticates the connections of a `multiprocessing.Manager`, say)."""
    suite = str(load_catalog().get("04").suite)  # imports multiprocessing
    started = ForkServer([sys.executable, "-s", "-B"], suite_process.PINNED_GRADER, {}, [suite])
    try:
        assert started.wait_ready()
        keys = []
        for attempt in range(40):  # the server preloads the suite's imports once idle
            (folder := tmp_path / str(attempt)).mkdir()
            child, events = spawn(started, folder, AUTHKEY, {})
            child.stdin.close()
            output = child.stdout.read().decode()
            assert child.wait(30) == 0, output
            child.stdout.close()
            os.close(events)
            report = json.loads(next(line for line in output.splitlines() if line.startswith("{")))
            if report["preloaded"]:
                keys.append(report["authkey"])
            if len(keys) == 2:
                break
        assert len(keys) == 2
        assert keys[0] != keys[1]
    finally:
        started.close()


def test_a_fork_that_fails_costs_that_start_only(server, tmp_path, monkeypatch):
    """The server stays in use: giving it up would end it, and with it (PR_SET_PDEATHSIG) every suite process it
    runs for other gradings at the time."""
    (tmp_path / "other").mkdir()
    other, other_events = spawn(server, tmp_path / "other", SLEEPS, {})
    real_send_fds = socket.send_fds
    monkeypatch.setattr(socket, "send_fds", lambda sock, buffers, fds: real_send_fds(sock, buffers, fds[:2]))
    events_read, events_write = os.pipe()
    assert server.spawn(["-q"], {}, tmp_path, events_write) is None  # the server cannot make it: "failed"
    for fd in (events_read, events_write):
        os.close(fd)
    monkeypatch.undo()
    assert server.usable
    child, events = spawn(server, tmp_path, STATUS, {"EXIT_WITH": "7"})
    child.stdin.close()
    child.stdout.read()
    assert child.wait(30) == 7
    assert other.poll() is None
    other.kill_group()
    assert other.wait(30) == -signal.SIGKILL
    for fd in (events, other_events):
        os.close(fd)


def test_the_check_a_dying_server_interrupted_is_not_charged_to_the_exercise_time(tmp_path, monkeypatch):
    """Its checks that finished count against the total time limit; the one cut short by the server's death is run
    again in full, so the part it had run counts for nothing."""
    exercise = load_catalog().get("09")
    first, *rest = [c.name for c in exercise.checks]
    root = make_submission(tmp_path, {exercise.filename: KIT / "solutions" / exercise.filename})
    budgets: list[float] = []

    def passed(name: str) -> CheckResult:
        return CheckResult(name=name, title="", status=Status.PASSED, score=0, max_score=0, message="")

    def run_suite(exercise, workspace, names, failed, cancellation, time_left, *args) -> SuiteRun:
        budgets.append(time_left)
        if len(budgets) == 1:  # the first check took 1 s, then the server died 5 s into the second
            run = SuiteRun(started=True, imported=True, running=rest[0], lost_server=True, checking=6.0, checked=1.0)
            run.results[first] = passed(first)
            return run
        run = SuiteRun(started=True, imported=True, checking=2.0, checked=2.0)
        run.results.update((name, passed(name)) for name in names)
        return run

    monkeypatch.setattr(runner, "run_suite", run_suite)
    result = grade_exercise(exercise, root)
    assert result.passed
    assert budgets == [exercise.total_time_limit, exercise.total_time_limit - 1.0]


def test_a_child_that_outlives_its_server_can_still_be_killed(tmp_path):
    """Forked before its run's setup, a suite process has no PR_SET_PDEATHSIG yet (a warm start's waits there): it
    outlives the server, and the grader's kill (a time limit, a cancellation) must still reach it."""
    started = new_server({"PATH": os.environ["PATH"]})
    assert started.wait_ready()
    running, events = spawn(started, tmp_path, SLEEPS, {})
    os.kill(started.pid, signal.SIGKILL)
    started._reader.join(30)
    assert running.lost_server and running.poll() is None
    running.kill_group()
    assert running.wait(30) == -signal.SIGKILL
    os.close(events)
    running.stdin.close()
    running.stdout.close()
    started.close()
