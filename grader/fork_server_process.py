"""The fork server's own process: it imports pytest and the grader's plugin once, then forks a suite process for each
request of the grader's (`grader.fork_server`, which also describes the protocol), reports each child's end, and
reaps it when the grader releases it. `serve` returns only in a forked child, once it is set up as the suite's
pytest process would be after a fresh start.

Nothing here runs a student's code: that starts in the child, after `serve` has returned.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import sys
import threading
import time

from grader.protocol import EVENTS_FD_ENV

PACKET = 1 << 20
"""The largest message either side reads: one request with a suite's command line and environment."""


def serve(fd: int, suites: list[str]) -> None:
    """Import pytest and the plugin, then fork a suite process for each request until the grader closes the socket;
    meanwhile, when no request waits, import what `suites` import, one suite at a time. Returns only in a child,
    ready to run pytest."""
    channel = socket.socket(fileno=fd)
    # Ignored SIGCHLD (a grader started so passes it on) would have the kernel reap each child at once: no status to
    # report, no pid held. The child gets back what it inherited, as a process the grader started itself would.
    inherited = signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if not _pidfd_works():
        os._exit(0)  # the grader sees the server gone before it was ready, and starts suites itself
    _preload()
    if threading.active_count() != 1:
        os._exit(0)  # no safe fork here
    _send(channel, {"ready": True})
    later = list(suites)  # a grading of one exercise need not wait for what the other eight import
    selector = selectors.DefaultSelector()
    selector.register(channel, selectors.EVENT_READ)
    while True:
        ready = selector.select(timeout=0 if later else None)
        if not ready and later:
            _preload_suite(later.pop(0))
        for key, _ in ready:
            if key.fileobj is not channel:
                _report_exit(channel, selector, key)
                continue
            try:
                message, fds, _, _ = socket.recv_fds(channel, PACKET, 3)
            except OSError:
                message, fds = b"", []
            if not message:
                os._exit(0)  # the grader is gone
            request = json.loads(message)
            if "release" in request:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(request["release"], 0)
                continue
            pid = _fork(channel, selector, fds)
            if pid == 0:
                signal.signal(signal.SIGCHLD, inherited)
                _become_suite(request, fds)
                return
            for received in fds:
                os.close(received)
            if pid > 0:
                selector.register(os.pidfd_open(pid), selectors.EVENT_READ, pid)
                _send(channel, {"started": pid})
            else:
                _send(channel, {"failed": "fork failed"})


def _pidfd_works() -> bool:
    """Whether this kernel gives pidfds, which the server follows its children with: Python has os.pidfd_open on
    every Linux, but a kernel before 5.3, or a container's seccomp filter, refuses the call. Found out at the first
    fork instead, the server would die with that child, and every suite would pay for a new server's start."""
    try:
        os.close(os.pidfd_open(os.getpid()))
    except (AttributeError, OSError):
        return False
    return True


def _preload() -> None:
    """Import pytest with the plugins it loads as it starts, and ours."""
    import importlib

    from _pytest.config import default_plugins

    for name in default_plugins:
        importlib.import_module(f"_pytest.{name}")
    import pytest_asyncio.plugin  # noqa: F401

    import grader.plugin  # noqa: F401

    _freeze()


def _preload_suite(suite: str) -> None:
    from grader import plugin

    # Only a head start: the suite's process imports the same itself. Whatever goes wrong must not end the server,
    # whose end would kill every suite process it forked (their PR_SET_PDEATHSIG) in the middle of its checks.
    with contextlib.suppress(Exception):
        plugin.import_what_the_suites_import([suite])
    _freeze()


def _freeze() -> None:
    """What is loaded now is never garbage: kept out of the collector's sight, it is neither scanned by each child's
    collections nor copied into it page by page as they touch it (copy-on-write)."""
    gc.collect()
    gc.freeze()


def _fork(channel: socket.socket, selector: selectors.BaseSelector, fds: list[int]) -> int:
    """0 in the child, which keeps nothing of the server's but `fds`; the child's pid in the server; -1 on failure.

    Returns in the server once the child leads a session of its own: from then on the grader's kill of its process
    group reaches it (as after `Popen(start_new_session=True)`), even before the child has done anything else."""
    if len(fds) != 3:
        return -1
    in_session, leader = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid != 0:
        os.close(leader)
        os.read(in_session, 1)  # end of file once the child has its session (or is gone)
        os.close(in_session)
        return pid
    os.setsid()
    os.close(leader)
    os.close(in_session)
    for key in list(selector.get_map().values()):
        if key.fileobj is not channel:
            os.close(key.fd)
    selector.close()
    channel.close()
    return 0


def _become_suite(request: dict, fds: list[int]) -> None:
    """Turn this fresh fork into the process `subprocess.Popen` would have started for the run."""
    stdin_fd, output_fd, events_fd = fds
    os.dup2(stdin_fd, 0)
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    events_fd = os.dup(events_fd) if events_fd < 3 else events_fd  # never one of the standard streams
    for fd in {stdin_fd, output_fd} - {0, 1, 2, events_fd}:
        os.close(fd)
    os.set_inheritable(events_fd, True)
    os.closerange(3, events_fd)
    os.closerange(events_fd + 1, _max_fd())
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ[EVENTS_FD_ENV] = str(events_fd)
    time.tzset()
    sys.argv = ["pytest", *request["args"]]
    process = sys.modules.get("multiprocessing.process")
    if process is not None:  # drawn as it was imported, so the server's: every run, every student's, would share it
        process.current_process().authkey = os.urandom(32)


def _max_fd() -> int:
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (OSError, ValueError):
        return 1 << 16


def _report_exit(channel: socket.socket, selector: selectors.BaseSelector, key: selectors.SelectorKey) -> None:
    """Send a child's exit status, leaving it a zombie until the grader releases it."""
    selector.unregister(key.fileobj)
    os.close(key.fd)
    info = os.waitid(os.P_PID, key.data, os.WEXITED | os.WNOWAIT)
    returncode = info.si_status if info.si_code == os.CLD_EXITED else -info.si_status
    _send(channel, {"exited": key.data, "returncode": returncode})


def _send(channel: socket.socket, message: dict) -> None:
    try:
        channel.send(json.dumps(message).encode())
    except OSError:
        os._exit(0)  # the grader is gone
