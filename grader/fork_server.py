"""Suite processes forked from a server that has Python, pytest and the grader's plugin loaded already.

Starting Python and importing pytest, pytest-asyncio, aiohttp and the plugin is most of a suite process's cost (0.4 to
0.6 s of CPU each, against checks that mostly wait), and a grading of the kit starts nine of them, a class hundreds.
So the grader starts one server process that imports all that once and never runs anything of a student's; each suite
process is a fork of it, which then becomes what `python -c _THIS_GRADER ...` would have been: its own session, the
run's pipes on its standard streams, the run's folder and environment, pytest's command line. Isolation is the same as
a fresh start's: a process per suite, made from a state no student code has touched (the Android zygote's idea).

Used only where the run has a pids cgroup (`grader.run_processes`): the cgroup finds everything such a process leaves,
whereas the environment marker that stands in for it elsewhere is read from /proc, which shows a fork the server's
environment. The server reports each child's exit status but keeps it a zombie until the grader has killed its process
group and says `release`, so that its pid (and group id) cannot be another process's meanwhile. A server that dies
takes its suite processes with it; `grader.runner` runs again what they left unfinished.

This module is the grader's side; `grader.fork_server_process` is the server's.

Protocol, JSON over a SOCK_SEQPACKET socket pair, one message per packet:
    grader -> server   {"args": [...], "env": {...}, "cwd": "..."} with three fds (stdin, output, events)
                       {"release": pid}
    server -> grader   {"ready": true}   once pytest and the plugin are imported (the suites' imports follow when idle)
                       {"started": pid} or {"failed": "why"}   for each request, in order
                       {"exited": pid, "returncode": n}   when a child ends (negative: the signal that ended it)
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import selectors
import signal
import socket
import subprocess
import threading
from pathlib import Path

from grader.fork_server_process import PACKET

SERVER_SCRIPT = """\
import sys
if sys.path and sys.path[0] == "":
    del sys.path[0]
sys.path.insert(0, sys.argv.pop(1))
from grader.fork_server_process import serve
serve(int(sys.argv.pop(1)), sys.argv[1:])
import pytest
raise SystemExit(pytest.console_main())
"""
"""The server: `serve` returns only in a forked child, set up as the suite's pytest process; the last two lines are
then the same as in `grader.suite_process._THIS_GRADER`."""
READY_LIMIT = 30.0
"""Seconds for the server to import everything, on a very busy machine; past them the grader starts suites itself."""


class ForkedProcess:
    """A suite process forked by the server, with what of `subprocess.Popen` the grader uses."""

    def __init__(self, server: ForkServer, pid: int, stdin_fd: int, stdout_fd: int) -> None:
        self.pid = pid
        self.stdin = open(stdin_fd, "wb", buffering=0)
        self.stdout = open(stdout_fd, "rb", buffering=0)
        self.returncode: int | None = None
        self._server = server
        self._exited = threading.Event()
        self._released = False
        self._pidfd: int | None = None
        """Opened while the server held the process: names it, and no later holder of its pid, should the server die.
        Closed once its end has been waited for."""
        self._pidfd_lock = threading.Lock()
        self.lost_server = False
        """The server ended while this process ran: it died with it (PR_SET_PDEATHSIG), of no fault of its own."""

    def exited(self, returncode: int) -> None:
        self.returncode = returncode
        self._exited.set()

    def poll(self) -> int | None:
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """The exit status, once the process ended; then its zombie is released to the server to reap."""
        if not self._exited.wait(timeout):
            raise subprocess.TimeoutExpired(f"suite process {self.pid}", timeout or 0)
        if not self._released:
            self._released = True
            self._server.release(self.pid)
        with self._pidfd_lock:  # a kill from another thread (a cancellation) must not signal a reused fd number
            pidfd, self._pidfd = self._pidfd, None
        if pidfd is not None:
            os.close(pidfd)
        return self.returncode  # type: ignore[return-value]  # set before the event

    def kill_group(self) -> None:
        if self._released:  # its pid may be another process's by now; the run's cgroup holds what it left
            self.send_signal(signal.SIGKILL)
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

    def send_signal(self, sig: int) -> None:
        """Signal the process itself, as `subprocess.Popen.send_signal` does; nothing once it is known to have ended."""
        if not self._released:  # the server holds it, alive or a zombie: its pid is its own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.pid, sig)
            return
        # Forked before its setup armed PR_SET_PDEATHSIG (a warm start's waits there), it outlives its server: its
        # pidfd still names it alone.
        with self._pidfd_lock, contextlib.suppress(OSError):
            if self._pidfd is not None and self.returncode is None:
                signal.pidfd_send_signal(self._pidfd, sig)


SuiteProc = subprocess.Popen | ForkedProcess
"""A suite's process, as the grader follows and stops it: started afresh, or forked by the server."""


class ForkServer:
    """The grader's side of one server process: forks suite processes and learns when they end."""

    def __init__(self, interpreter: list[str], pinned: Path, env: dict[str, str], suites: list[str]) -> None:
        """Start a server with `interpreter` (the executable and its flags) and `env`, importing the grader in the
        folder `pinned` (`grader.suite_process.PINNED_GRADER`) and preloading what `suites` import. It is `usable`
        once it has imported pytest and the plugin (`wait_ready`)."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._proc = subprocess.Popen(
                [*interpreter, "-c", SERVER_SCRIPT, str(pinned), str(theirs.fileno()), *suites],
                cwd="/",
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                start_new_session=True,  # Ctrl-C at the terminal is the grader's to handle; EOF on the socket ends it
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._socket = ours
        self._lock = threading.Lock()
        self._replies: queue.Queue[dict] = queue.Queue()
        self._children: dict[int, ForkedProcess] = {}
        self._early_exits: dict[int, int] = {}
        self._children_lock = threading.Lock()
        self._gone = False
        """Set, under `_children_lock`, once the server has ended: no exit status comes from it any more."""
        self.alive = True
        self._ready = threading.Event()
        self._settled = threading.Event()
        """Set once the server is ready or has ended: a server that gave up before it was ready is not waited for."""
        self._reader = threading.Thread(target=self._read, name="fork-server", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self._proc.pid

    @property
    def was_ready(self) -> bool:
        return self._ready.is_set()

    @property
    def usable(self) -> bool:
        return self.alive and self._ready.is_set()

    def wait_ready(self, timeout: float = READY_LIMIT) -> bool:
        return self._settled.wait(timeout) and self.usable

    def spawn(self, args: list[str], env: dict[str, str], cwd: Path, events_fd: int) -> ForkedProcess | None:
        """A suite process running pytest with `args`, or None when the server cannot make one (the caller then
        starts the process itself). `events_fd` is passed on; the caller closes its copy."""
        stdin_read, stdin_write = os.pipe()
        stdout_read, stdout_write = os.pipe()
        request = json.dumps({"args": args, "env": env, "cwd": str(cwd)}).encode()
        child = None
        try:
            with self._lock:
                try:
                    socket.send_fds(self._socket, [request], [stdin_read, stdout_write, events_fd])
                    reply = self._await(READY_LIMIT)
                except OSError:
                    reply = None
                except BaseException:  # Ctrl-C meanwhile: the reply to come would be taken as the next request's
                    self._abandon()
                    raise
                if reply is None:
                    self._abandon()
                    return None
                if "started" not in reply:  # this fork failed: its reply came, so the next request's will be its own
                    return None
                child = self._register(reply["started"], stdin_write, stdout_read)
                return child
        finally:
            os.close(stdin_read)
            os.close(stdout_write)
            if child is None:
                os.close(stdin_write)
                os.close(stdout_read)

    def _register(self, pid: int, stdin_fd: int, stdout_fd: int) -> ForkedProcess:
        with self._children_lock:
            child = ForkedProcess(self, pid, stdin_fd, stdout_fd)
            if pid in self._early_exits:
                child._released = self._gone  # a dead server's zombies are init's to reap: their pids are free
                child.exited(self._early_exits.pop(pid))
            elif self._gone:  # the server died after it had forked the child, and took its status with it
                _orphan(child)
            else:
                with contextlib.suppress(OSError):
                    child._pidfd = os.pidfd_open(pid)
                self._children[pid] = child
        return child

    def release(self, pid: int) -> None:
        with self._children_lock:
            self._children.pop(pid, None)
        with contextlib.suppress(OSError), self._lock:
            self._socket.send(json.dumps({"release": pid}).encode())

    def close(self) -> None:
        self._abandon()
        self._proc.wait()

    def _await(self, timeout: float) -> dict | None:
        """The server's next reply, if it comes in time (it never comes from a server that is gone)."""
        try:
            return self._replies.get(timeout=timeout) or None
        except queue.Empty:
            return None

    def _abandon(self) -> None:
        """Use the server no more, and let it go: it ends at end of file."""
        self.alive = False
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)

    def _read(self) -> None:
        self._socket.settimeout(READY_LIMIT)  # for the server's "ready" only: a server that never gets there is killed
        while True:
            try:
                message = self._socket.recv(PACKET)
                reply = json.loads(message) if message else None
            except (OSError, ValueError):
                reply = None
            if reply is None:
                break
            if "exited" in reply:
                self._note_exit(reply["exited"], reply["returncode"])
            elif "ready" in reply:
                self._socket.settimeout(None)
                self._ready.set()
                self._settled.set()
            else:
                self._replies.put(reply)
        self.alive = False
        if not self._ready.is_set():  # stuck or dead before it forked anything: nothing of a student's goes with it
            self._proc.kill()
        self._replies.put({})  # a spawn waiting for its reply gives up at once
        self._settled.set()
        self._proc.wait()
        with self._children_lock:
            self._gone = True
            for child in self._children.values():  # the server died: their statuses went with it
                _orphan(child)
            self._children = {}

    def _note_exit(self, pid: int, returncode: int) -> None:
        with self._children_lock:
            child = self._children.get(pid)
            if child is None:
                self._early_exits[pid] = returncode  # ended before `spawn` had taken its pid
                return
        child.exited(returncode)


def _orphan(child: ForkedProcess) -> None:
    child._released = True  # init reaps it now; its pid is no longer reserved
    if child.returncode is None:  # it was running: it dies with the server
        child.lost_server = True
        threading.Thread(target=_await_orphan, args=(child,), daemon=True).start()


def _await_orphan(child: ForkedProcess) -> None:
    """Once its server is gone, a child's end is seen through a pidfd of our own; its status is lost. The pidfd stays
    the child's, for `kill_group`, until `wait` closes it."""
    with child._pidfd_lock:
        if child._pidfd is None:  # the server died before we had one
            with contextlib.suppress(OSError):  # already gone
                child._pidfd = os.pidfd_open(child.pid)
        pidfd = child._pidfd
    if pidfd is not None:  # not closed meanwhile: `wait` closes it only once the child is known to have ended
        with selectors.DefaultSelector() as selector:
            selector.register(pidfd, selectors.EVENT_READ)
            selector.select()
    child.exited(-signal.SIGKILL)
