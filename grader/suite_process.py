"""One suite's pytest process: starting it, handing it its setup, and stopping it.

A run's process group (and cgroup) is killed once it is over, whatever happened; `grader.suite_events` follows the
run meanwhile. A `Cancellation` lets another thread stop every run in progress, and a `WarmStart` is a process
started ahead of the grading it will serve. `grader.runner` turns what a run told into results.
"""

from __future__ import annotations

import compileall
import contextlib
import os
import secrets
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grader.catalog import PACKAGE_DIR, SUITES_DIR, Exercise, load_catalog
from grader.errors import GradingCancelled
from grader.fork_server import ForkedProcess, ForkServer, SuiteProc
from grader.protocol import EVENTS_FD_ENV, RunSetup
from grader.run_processes import RUN_MARKER_ENV, PidsCgroup, kill_marked
from grader.suite_events import SuiteRun, follow
from grader.workspace import new_workspace, remove

MEMORY_LIMIT = 3 * 1024**3
"""Bytes of address space a suite's process may take (RLIMIT_AS, `grader.sandbox.confine`): a runaway allocation
of the student's fails there with MemoryError rather than pushing the machine into swap or the OOM killer."""

_UNUSED_PLUGINS = (
    "cacheprovider", "stepwise", "unittest", "legacypath", "tmpdir", "recwarn", "pastebin", "junitxml", "doctest",
    "setuponly", "setupplan", "subtests",
)  # fmt: skip
"""pytest's own plugins that no suite uses (fixtures none asks for, doctest, unittest, other report formats, the
cache): with them, exercise 02's grading took 0.6 s instead of 0.25 on a busy machine. Only on the command line: an
ini file's `addopts` is read after pytest has loaded its plugins, so the suites' pytest.ini cannot leave them out."""
_PYTEST_ARGS = (
    "-c", str(SUITES_DIR / "pytest.ini"), "--rootdir", str(SUITES_DIR), "--noconftest",
    "-p", "grader.plugin", "-p", "asyncio", "-q", "-s", "--tb=no", "--assert=plain",
    *(arg for name in _UNUSED_PLUGINS for arg in ("-p", f"no:{name}")),
)  # fmt: skip
# No `-p socket`: the plugin blocks sockets itself, from before the student's file is imported to the end, with
# pytest-socket's function; pytest-socket's own hooks would lift the block after every check, fixtures' teardown
# (where a student's leftover tasks still run) included.
# --assert=plain: `-p asyncio` marks the name `asyncio` for assertion rewriting, and pytest then re-parsed the
# standard library's asyncio from source on every start (0.2 s); the suites use `expect`, not bare asserts.
# --tb=no: the plugin writes every verdict itself, so pytest need not format tracebacks with their source, which
# parses it with `ast`; once a timeout has interrupted student code, CPython 3.11 may fail every later ast.parse
# in that process ("AST constructor recursion depth mismatch"), and pytest would stop with an INTERNALERROR.
_THIS_GRADER = """\
import sys
if sys.path and sys.path[0] == "":
    del sys.path[0]
sys.path.insert(0, sys.argv.pop(1))
import pytest
sys.argv[0] = "pytest"
raise SystemExit(pytest.console_main())
"""
"""`python -m pytest`, but without the working folder on the import path (see _INTERPRETER_FLAGS), and with the
folder named first on the command line (PINNED_GRADER) first on it."""
PINNED_GRADER = PACKAGE_DIR / "pin"
"""First on the import path of a suite's process, and so of the workers multiprocessing starts from it (spawn and
forkserver workers take the process's sys.path): `grader` (its plugin, its probes, its suites) is then the very
package that starts the process, however another copy is installed. With a kit's copy from one checkout and a grader
installed from another, the suite file and the code it calls would not match, and the guard would not know the suites
as the grader's. The package alone is pinned, not the folder that holds it, which may hold a kit's `exercises/` too.
Not through PYTHONPATH, which cannot name a folder whose path holds os.pathsep."""
_INTERPRETER_FLAGS = ("-s", "-B")
"""No user site-packages, no bytecode written; and the first lines of _THIS_GRADER take the working folder (the
workspace, which the student's code may write to) off the import path before anything is imported, so a
`pytest.py` or `json.py` that one run of the student's code left there is never imported by the next run before
its sandbox is up. Not isolated mode (-I): it would also make asyncio ignore a PYTHONASYNCIODEBUG that the
student's code sets, as a Python started the usual way does not; the environment is filtered instead (below).
Child interpreters that multiprocessing starts inherit these flags."""
_KEPT_ENV = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TERM", "TMPDIR")
_KEPT_ENV_PREFIXES = ("LC_", "GRADER_")
"""The only environment variables a suite's process gets: the locale, the paths, and the grader's own. Anything
else (a CI's tokens, an instructor's credentials, proxies, PYTEST_ADDOPTS) would be the student's code's to read,
and to print into the feedback that the student gets back."""


class Cancellation:
    """Stops suite runs from another thread: kills the process groups in progress and refuses new runs."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._running: set[SuiteProc] = set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:  # held while killing: `ended()` waits, so no process is reaped (its pid reused) meanwhile
            for proc in self._running:
                kill_group(proc)

    def check(self) -> None:
        if self.cancelled:
            raise GradingCancelled("grading was cancelled")

    def started(self, proc: SuiteProc) -> None:
        with self._lock:
            self._running.add(proc)
        if self.cancelled:  # cancelled between check() and Popen
            kill_group(proc)

    def ended(self, proc: SuiteProc) -> None:
        with self._lock:
            self._running.discard(proc)


@dataclass
class SuiteProcess:
    """A suite's pytest process, waiting on stdin for its `RunSetup` before it imports anything of the student's
    (the plugin reads the setup in `pytest_configure`)."""

    proc: SuiteProc
    read_fd: int
    nonce: str
    names: list[str]
    cgroup: PidsCgroup | None
    returncode: int | None = None
    """Set once the process is stopped and reaped."""
    marker: str | None = None
    """The value of `GRADER_RUN` in its environment (`grader.run_processes.kill_marked`)."""


_bytecode_lock = threading.Lock()
_bytecode_checked = False


def ensure_bytecode() -> None:
    """Compile the grader's own modules where their bytecode is missing or stale, once per grader process.

    A suite's process writes no bytecode (PYTHONDONTWRITEBYTECODE below; the sandbox lets it write only its
    workspace), so unless this parent wrote it, every start compiled the plugin, the probes and the suite from
    source again: 70 ms of each exercise's grading. Nothing is written when the user asked Python not to, nor into
    a package this user may not write (an install of root's, which pip compiled already).
    """
    global _bytecode_checked
    with _bytecode_lock:
        if _bytecode_checked or sys.dont_write_bytecode or not os.access(SUITES_DIR.parent, os.W_OK):
            return
        _bytecode_checked = True
        with contextlib.suppress(Exception):  # a cache we cannot write only makes grading slower
            compileall.compile_dir(SUITES_DIR.parent, quiet=2)


def start_suite(exercise: Exercise, workspace: Path, names: list[str], fresh: bool = False) -> SuiteProcess:
    """A process for the checks `names`, forked from a fork server unless `fresh` (or no server can serve)."""
    ensure_bytecode()
    restore_modes()  # the first time, notes them: before any student code has run
    read_fd, write_fd = os.pipe()
    try:
        cgroup = PidsCgroup.create()
    except BaseException:
        os.close(read_fd)
        os.close(write_fd)
        raise
    env = _environment()
    marker = secrets.token_hex(8)
    args = [*_PYTEST_ARGS, *(f"{exercise.suite}::test_{name}" for name in names)]
    try:
        # Forked only where a cgroup holds the run: see `grader.fork_server`.
        server = _fork_server(env) if cgroup and not fresh else None
        proc = server.spawn(args, {**env, RUN_MARKER_ENV: marker}, workspace, write_fd) if server else None
        if proc is None:
            proc = subprocess.Popen(
                [sys.executable, *_INTERPRETER_FLAGS, "-c", _THIS_GRADER, str(PINNED_GRADER), *args],
                cwd=workspace,
                env={**env, EVENTS_FD_ENV: str(write_fd), RUN_MARKER_ENV: marker},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                pass_fds=(write_fd,),
                start_new_session=True,
            )
    except BaseException:
        os.close(read_fd)
        if cgroup:
            cgroup.destroy()
        raise
    finally:
        os.close(write_fd)
    return SuiteProcess(proc, read_fd, secrets.token_hex(16), names, cgroup, marker=marker)


def _environment() -> dict[str, str]:
    """What a suite's process gets of the grader's environment, and what it is told besides; not the run's own
    variables (its events channel, its marker)."""
    env = {k: v for k, v in os.environ.items() if k in _KEPT_ENV or k.startswith(_KEPT_ENV_PREFIXES)}
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1", PYTHONNOUSERSITE="1")
    # No TLS ever happens in a suite (mocked HTTP, sockets blocked); without a CA store to load, importing aiohttp,
    # which builds its default SSL contexts at import, is 50 ms faster.
    env.update(SSL_CERT_FILE=os.devnull, SSL_CERT_DIR=os.devnull)
    return env


_servers: dict[tuple[tuple[str, str], ...], ForkServer] = {}
_servers_lock = threading.Lock()
_SERVERS_KEPT = 4
"""Servers a grader keeps, one per environment its suites were given (the kit's own tests vary it; a student's or
an instructor's grader has one). Past that, suites are started as fresh processes."""


_several = False
"""Whether this grader starts more than one suite: set by the first start, or beforehand by `expect_several`."""


def expect_several() -> None:
    """Tell the grader that more than one suite will be started (a whole submission is graded): the first is then
    forked from the fork server too."""
    global _several
    _several = True


def _fork_server(env: dict[str, str]) -> ForkServer | None:
    """The server whose processes get `env` as they start (`TMPDIR`, which each run sets for itself, aside); none for
    the first suite of a grader that did not `expect_several`.

    A server's start costs about what a suite's does, so a grading of one exercise, the student's everyday
    `grader check 03`, would only pay for it (0.2 s more); from the second suite on, each fork saves it."""
    global _several
    base = {k: v for k, v in env.items() if k != "TMPDIR"}
    key = tuple(sorted(base.items()))
    with _servers_lock:
        if not _several:
            _several = True
            return None
        server = _servers.get(key)
        if server is not None and not server.usable and server.was_ready:  # it died: killed, say
            server = None
        if server is None:
            if key not in _servers and len(_servers) >= _SERVERS_KEPT:
                return None
            suites = [str(e.suite) for e in load_catalog()]
            _servers[key] = server = ForkServer([sys.executable, *_INTERPRETER_FLAGS], PINNED_GRADER, base, suites)
        # Waited for, not worked around with fresh starts meanwhile: those and the server's start, all on two cores,
        # made the kit's grading a tenth slower.
        server.wait_ready()
    return server if server.usable else None  # one that never got ready is not tried again


def fork_servers() -> set[int]:
    """The pids of this grader's fork servers: processes of the grader's own that outlive a grading, by design."""
    with _servers_lock:
        return {server.pid for server in _servers.values()}


def stop_suite(started: SuiteProcess) -> int:
    """Kill the process's group and cgroup, close our ends of its pipes and reap it; once, however often called."""
    if started.returncode is None:
        kill_group(started.proc)
        if started.cgroup:
            started.cgroup.destroy()  # also what left the process group (setsid) or was forked as it died
        elif started.marker:
            kill_marked(started.marker)  # no cgroup here: what left the process group, found by its environment
        os.close(started.read_fd)
        started.proc.stdout.close()
        with contextlib.suppress(OSError):
            started.proc.stdin.close()
        started.returncode = started.proc.wait()
        restore_modes()
    return started.returncode


_modes: dict[str, int] | None = None
_modes_lock = threading.Lock()


def restore_modes() -> None:
    """Put back the permission bits of the grader package's files and folders as they were when this grader first
    ran a suite. Landlock does not cover `chmod`, so a student's code running as the grader's user could make the
    suites unreadable to every later run; the content itself is guarded by `grader.guard` and the sandbox."""
    global _modes
    with _modes_lock:
        if _modes is None:
            _modes = _modes_under(SUITES_DIR.parent)
            return
        for name, mode in _modes.items():
            with contextlib.suppress(OSError):
                if os.lstat(name).st_mode != mode:
                    os.chmod(name, mode & 0o7777)


def _modes_under(top: Path) -> dict[str, int]:
    """The mode of `top` and of every file and folder under it, links and bytecode caches left out."""
    modes = {}
    for folder, folders, files in os.walk(top):
        folders[:] = [name for name in folders if name != "__pycache__"]
        for name in (folder, *(os.path.join(folder, f) for f in files)):
            with contextlib.suppress(OSError):
                if not stat.S_ISLNK(mode := os.lstat(name).st_mode):
                    modes[name] = mode
    return modes


def run_suite(
    exercise: Exercise,
    workspace: Path,
    names: list[str],
    failed: list[str],
    cancellation: Cancellation,
    time_left: float,
    started: SuiteProcess | None = None,
    on_check: Callable[[str], None] | None = None,
    fresh: bool = False,
) -> SuiteRun:
    """Run the checks `names` in `started` (a warm start's process, which must be for them) or a new process (not
    a fork server's when `fresh`); `on_check` is told the name of each check as it begins."""
    if cancellation.cancelled and started is not None:
        stop_suite(started)
    cancellation.check()
    started = started or start_suite(exercise, workspace, names, fresh)
    run = SuiteRun(on_check=on_check)
    try:  # from here on, whatever happens (Ctrl-C included), the process is stopped and reaped
        cancellation.started(started.proc)
        setup = RunSetup(
            nonce=started.nonce,
            module=exercise.module,
            root=str(workspace),
            time_limit=exercise.time_limit,
            failed_before=failed,
            memory_limit=MEMORY_LIMIT,
            cgroup=str(started.cgroup.path) if started.cgroup else None,
        )
        try:
            started.proc.stdin.write(setup.to_json().encode() + b"\n")
            started.proc.stdin.close()
        except OSError:
            pass  # the process died at once; the event loop below finds out why
        follow(started.proc, started.read_fd, setup, run, expected=len(started.names), time_left=time_left)
    finally:
        cancellation.ended(started.proc)  # first: once reaped, its pid may be another process's
        run.returncode = stop_suite(started)
        run.lost_server = isinstance(started.proc, ForkedProcess) and started.proc.lost_server  # known once reaped
    return run


class WarmStart:
    """A pytest process for every check of `exercise`, started ahead of a grading in an empty workspace.

    Python's and pytest's start-up, most of a grading's time, is then over before the student saves:
    `grade_exercise(..., warm=...)` copies the files in and hands the process its setup. Nothing of the
    student's runs before that. `grader watch` keeps one ready; close() it when it goes unused.
    """

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.workspace = new_workspace()
        try:
            self._started: SuiteProcess | None = start_suite(
                exercise, self.workspace, [c.name for c in exercise.checks]
            )
        except BaseException:
            remove(self.workspace)
            raise

    def take(self) -> SuiteProcess | None:
        """The waiting process, once; None when it was taken or has died (the caller then starts a fresh one)."""
        started, self._started = self._started, None
        if started is not None and started.proc.poll() is not None:
            stop_suite(started)
            return None
        return started

    def close(self) -> None:
        if self._started is not None:
            stop_suite(self._started)
            self._started = None
        remove(self.workspace)


def kill_group(proc: SuiteProc) -> None:
    if isinstance(proc, ForkedProcess):
        proc.kill_group()
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
