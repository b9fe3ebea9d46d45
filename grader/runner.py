"""Grade a submission: each exercise's suite in its own pytest process, judged from outside.

The student's code runs in that process, so the parent decides everything: it reads results only from the
private event pipe (`grader.protocol`), gives each check a deadline, stops a check that overruns it (asking
faulthandler where it was first), kills the whole process group afterwards, and re-runs in a fresh process the
checks that never ran because an earlier one hung or took the process down. A check without a result is a
failed check, never a passed one. `grader.sandbox` confines each process (processes, network, writes, signals,
memory) where the machine allows; the parent bounds how much it may print. A `Cancellation` lets another thread
stop every run in progress (Ctrl-C during a batch, a new save in `grader watch`), and a `WarmStart` is a suite's
process started ahead of the grading it will serve (`grader watch`).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import secrets
import selectors
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from grader import __version__
from grader.catalog import SUITES_DIR, Exercise
from grader.errors import GradingCancelled, InternalError
from grader.messages import TIMEOUT_FIX
from grader.model import CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.protocol import EVENTS_FD_ENV, RunSetup, parse_event
from grader.sandbox import PidsCgroup
from grader.suite_index import read_suite
from grader.workspace import (
    MAX_FILE_BYTES,
    copy_submission,
    exercises_dir,
    file_size,
    fill_workspace,
    new_workspace,
    remove,
)

GRACE = 1.0
"""Seconds past a check's own limit before the parent steps in (the plugin's own timer gets the first chance)."""
STARTUP_LIMIT = 30.0
"""Seconds for Python and pytest to start and reach the student's import, on a very busy machine."""
EXIT_POLL = 0.25
"""How often the parent looks whether the suite's process is still alive while it waits for events."""
EXIT_WAIT = 0.5
"""How long a process whose channel closed mid-check may take to exit on its own (its status tells why it ended)."""
OUTPUT_TAIL = 64 * 1024
OUTPUT_LIMIT = 8 * 1024**2
"""Bytes a suite's process may print (student code included) before the parent stops it."""
MEMORY_LIMIT = 3 * 1024**3

_PYTEST_ARGS = (
    "-c", str(SUITES_DIR / "pytest.ini"), "--rootdir", str(SUITES_DIR), "--noconftest",
    "-p", "grader.plugin", "-p", "asyncio", "-p", "socket",
    "--disable-socket", "--allow-unix-socket", "-q", "-s", "--tb=no", "--assert=plain",
)  # fmt: skip
# --assert=plain: `-p asyncio` marks the name `asyncio` for assertion rewriting, and pytest then re-parsed the
# standard library's asyncio from source on every start (0.2 s); the suites use `expect`, not bare asserts.
# --tb=no: the plugin writes every verdict itself, so pytest need not format tracebacks with their source, which
# parses it with `ast`; once a timeout has interrupted student code, CPython 3.11 may fail every later ast.parse
# in that process ("AST constructor recursion depth mismatch"), and pytest would stop with an INTERNALERROR.
_DROPPED_ENV = (
    "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTHONBREAKPOINT",
    "PYTHONASYNCIODEBUG", "PYTHONDEVMODE",  # would turn on asyncio's debug mode for every loop: exercise 09 grades that
    "PYTHONWARNINGS",  # `error` would turn a student's harmless warning into a failed check
)  # fmt: skip
_FAULTHANDLER_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<func>\S+)')


@dataclass
class _Run:
    """What one pytest process told us before it ended or was stopped."""

    results: dict[str, CheckResult] = field(default_factory=dict)
    import_failure: dict | None = None
    started: bool = False
    imported: bool = False
    running: str | None = None
    ended_in: str | None = None
    """How the process ended while a check or the import was under way: 'timeout', 'output' or 'crash'."""
    out_of_time: bool = False
    """The exercise's total time limit, not the check's own, stopped it."""
    imported_at: float | None = None
    checking: float = 0.0
    """Seconds the checks ran (from the import's end): what counts against the exercise's total time limit."""
    returncode: int | None = None
    output: bytearray = field(default_factory=bytearray)
    output_size: int = 0


class Cancellation:
    """Stops suite runs from another thread: kills the process groups in progress and refuses new runs."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen] = set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            running = list(self._running)
        for proc in running:
            _kill_group(proc)

    def check(self) -> None:
        if self.cancelled:
            raise GradingCancelled("grading was cancelled")

    def started(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._running.add(proc)
        if self.cancelled:  # cancelled between check() and Popen
            _kill_group(proc)

    def ended(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._running.discard(proc)


def grade(
    exercises: list[Exercise], root: Path, *, jobs: int | None = None, time_limit: float | None = None
) -> SubmissionResult:
    """Grade `exercises` of the submission at `root`, several at once when `jobs` allows.

    `time_limit` overrides every exercise's seconds per check (tests and impatient instructors use it)."""
    exercises_dir(root)
    started = time.perf_counter()
    jobs = max(1, min(jobs or usable_cpus(), len(exercises) or 1))
    cancellation = Cancellation()
    queue = _Queue(exercises, ahead=jobs > 1)  # one job is the quiet way to grade: nothing else runs meanwhile

    def work(_: int) -> list[ExerciseResult]:
        done = []
        while (taken := queue.take()) is not None:
            exercise, warm = taken
            done.append(grade_exercise(exercise, root, cancellation=cancellation, time_limit=time_limit, warm=warm))
        return done

    try:
        if jobs == 1:  # Ctrl-C interrupts the one run in this thread, which then kills its process group
            graded = work(0)
        else:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                try:
                    graded = [result for done in pool.map(work, range(jobs)) for result in done]
                except KeyboardInterrupt:
                    cancellation.cancel()  # else leaving the pool would wait for the other runs to end by themselves
                    raise
    finally:
        queue.close()
    by_id = {result.id: result for result in graded}
    return SubmissionResult(
        [by_id[e.id] for e in exercises], grader_version=__version__, duration=time.perf_counter() - started
    )


class _Queue:
    """The exercises still to grade, in order, the next one's pytest process already starting.

    Python's and pytest's start-up is most of an exercise's grading, and it is CPU work, while the checks mostly
    wait (on timers, executors, mocked latency): starting the next process as a worker takes an exercise
    overlaps the two, and still no more than `jobs` exercises run their checks at once.
    """

    def __init__(self, exercises: list[Exercise], *, ahead: bool) -> None:
        self._todo = list(exercises)
        self._ahead = ahead
        self._warm: WarmStart | None = None
        self._lock = threading.Lock()

    def take(self) -> tuple[Exercise, WarmStart | None] | None:
        with self._lock:
            if not self._todo:
                return None
            exercise = self._todo.pop(0)
            warm, self._warm = self._warm, None
            try:
                if warm is not None and warm.exercise.id != exercise.id:
                    warm.close()
                    warm = None
                if self._todo and self._ahead:
                    with contextlib.suppress(OSError):  # no process to spare: that exercise starts from cold
                        self._warm = WarmStart(self._todo[0])
            except BaseException:  # Ctrl-C: the caller never gets `warm`, so nobody else would close it
                if warm is not None:
                    warm.close()
                raise
            return exercise, warm

    def close(self) -> None:
        with self._lock:
            self._todo.clear()
            if self._warm is not None:
                self._warm.close()
                self._warm = None


def usable_cpus() -> int:
    """The CPUs this process may run on: fewer than the machine has in a container or under taskset."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def grade_exercise(
    exercise: Exercise,
    root: Path,
    *,
    time_limit: float | None = None,
    cancellation: Cancellation | None = None,
    warm: WarmStart | None = None,
) -> ExerciseResult:
    """Grade one exercise of the submission at `root` in a private copy of its files.

    Raises `GradingCancelled` (and grades nothing more) once `cancellation` is cancelled. A `warm` start made
    for this exercise beforehand serves the first run (this call takes it over and closes it in any case).
    """
    cancellation = cancellation or Cancellation()
    if time_limit is not None:
        exercise = replace(exercise, time_limit=time_limit)
    started = time.perf_counter()
    process = workspace = None
    try:
        suite = {c.name: c for c in read_suite(exercise.suite)}
        missing = [c.name for c in exercise.checks if c.name not in suite]
        if missing or len(suite) != len(exercise.checks):
            raise InternalError(f"{exercise.suite.name} and exercises.toml disagree on the checks of {exercise.id}")
        result = ExerciseResult(exercise.id, exercise.slug, exercise.title, exercise.relpath, checks=[])
        process = warm.take() if warm is not None and warm.exercise.id == exercise.id else None
        workspace = fill_workspace(warm.workspace, root) if process else copy_submission(root)
        if not (workspace / exercise.relpath).exists():
            _fail_all(result, exercise, suite, Status.ERROR, Outcome.MISSING, _missing_message(root, exercise))
        else:
            _grade_in(workspace, exercise, suite, result, cancellation, process)
    finally:
        if process is not None:
            _stop(process)
        if warm is not None:
            warm.close()
        if workspace is not None:
            remove(workspace)
    result.duration = time.perf_counter() - started
    return result


def _missing_message(root: Path, exercise: Exercise) -> str:
    original = root / exercise.relpath
    if original.is_symlink():
        return f"{exercise.relpath} is a symbolic link; the grader reads only regular files: put the file itself there"
    size = file_size(original)
    if size == float("inf"):
        return f"{exercise.relpath} is missing: put the exercise file back (it is in the kit) and try again"
    if size > MAX_FILE_BYTES:
        return f"{exercise.relpath} is larger than {MAX_FILE_BYTES // 1000} kB, too large to be graded"
    return f"{exercise.relpath} could not be read: check its permissions (`chmod u+r`) and try again"


def _grade_in(
    workspace: Path,
    exercise: Exercise,
    suite: dict,
    result: ExerciseResult,
    cancellation: Cancellation,
    process: _Started | None = None,
) -> None:
    done: dict[str, CheckResult] = {}
    pending = [c.name for c in exercise.checks]
    time_left = exercise.total_time_limit  # start-ups and imports do not count: a busy machine is no fault
    while pending:
        if time_left <= 0:
            for name in pending:
                done[name] = _check(
                    exercise, suite[name], Status.TIMEOUT,
                    f"not run: the checks before it took all the {exercise.total_time_limit:g} s"
                    " this exercise may take",
                    fix="Fix the endless loop or blocking call that the timed-out checks point at, then grade again.",
                )  # fmt: skip
            result.outcome = Outcome.TIMEOUT
            break
        failed = [n for n, r in done.items() if not r.passed]
        run = _run_suite(exercise, workspace, pending, failed, cancellation, time_left, process)
        process = None  # a re-run of the checks left over gets a fresh process
        time_left -= run.checking
        cancellation.check()  # a run killed by a cancellation says nothing about the student
        if run.import_failure is not None:
            failure = run.import_failure
            location = Location(**failure["location"]) if failure.get("location") else None
            _fail_all(result, exercise, suite, Status.ERROR, Outcome(failure["outcome"]), failure["message"], location)
            return
        if not run.imported:
            _fail_all(result, exercise, suite, *_import_crash(exercise, run))
            return
        for name, check in run.results.items():
            points = exercise.check(name).points
            check.title, check.max_score = suite[name].title, points
            check.score = points if check.passed else 0
            done[name] = check
        if run.running and run.running not in done:
            done[run.running] = _stopped_check(exercise, suite[run.running], run, workspace)
            result.outcome = Outcome.TIMEOUT if run.ended_in == "timeout" else Outcome.CRASHED
        progress = [n for n in pending if n in done]
        if not progress:
            for name in pending:
                done[name] = _check(exercise, suite[name], Status.CRASHED, "the check could not be run: " + _tail(run))
            result.outcome = Outcome.CRASHED
        pending = [n for n in pending if n not in done]
    result.checks = [done[c.name] for c in exercise.checks]
    if result.outcome is Outcome.OK and any(c.status is Status.TIMEOUT for c in result.checks):
        result.outcome = Outcome.TIMEOUT


@dataclass
class _Started:
    """A suite's pytest process, waiting on stdin for its `RunSetup` before it imports anything of the student's
    (the plugin reads the setup in `pytest_configure`)."""

    proc: subprocess.Popen
    read_fd: int
    nonce: str
    names: list[str]
    cgroup: PidsCgroup | None
    returncode: int | None = None
    """Set once the process is stopped and reaped."""


def _start_suite(exercise: Exercise, workspace: Path, names: list[str]) -> _Started:
    cgroup = PidsCgroup.create()
    read_fd, write_fd = os.pipe()
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1", PYTHONNOUSERSITE="1")
    # No TLS ever happens in a suite (mocked HTTP, sockets blocked); without a CA store to load, importing aiohttp,
    # which builds its default SSL contexts at import, is 50 ms faster.
    env.update(SSL_CERT_FILE=os.devnull, SSL_CERT_DIR=os.devnull)
    env[EVENTS_FD_ENV] = str(write_fd)
    nodeids = [f"{exercise.suite}::test_{name}" for name in names]
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", *_PYTEST_ARGS, *nodeids],
            cwd=workspace,
            env=env,
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
    return _Started(proc, read_fd, secrets.token_hex(16), names, cgroup)


def _stop(started: _Started) -> int:
    """Kill the process's group and cgroup, close our ends of its pipes and reap it; once, however often called."""
    if started.returncode is None:
        _kill_group(started.proc)
        if started.cgroup:
            started.cgroup.destroy()  # also what left the process group (setsid) or was forked as it died
        os.close(started.read_fd)
        started.proc.stdout.close()
        with contextlib.suppress(OSError):
            started.proc.stdin.close()
        started.returncode = started.proc.wait()
    return started.returncode


def _run_suite(
    exercise: Exercise,
    workspace: Path,
    names: list[str],
    failed: list[str],
    cancellation: Cancellation,
    time_left: float,
    started: _Started | None = None,
) -> _Run:
    """Run the checks `names` in `started` (a warm start's process, which must be for them) or a new process."""
    if cancellation.cancelled and started is not None:
        _stop(started)
    cancellation.check()
    started = started or _start_suite(exercise, workspace, names)
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
    run = _Run()
    try:
        started.proc.stdin.write(setup.to_json().encode() + b"\n")
        started.proc.stdin.close()
    except OSError:
        pass  # the process died at once; the event loop below finds out why
    try:
        _follow(started.proc, started.read_fd, setup, run, expected=len(started.names), time_left=time_left)
    finally:
        cancellation.ended(started.proc)  # first: once reaped, its pid may be another process's
        run.returncode = _stop(started)
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
            self._started: _Started | None = _start_suite(exercise, self.workspace, [c.name for c in exercise.checks])
        except BaseException:
            remove(self.workspace)
            raise

    def take(self) -> _Started | None:
        """The waiting process, once; None when it was taken or has died (the caller then starts a fresh one)."""
        started, self._started = self._started, None
        if started is not None and started.proc.poll() is not None:
            _stop(started)
            return None
        return started

    def close(self) -> None:
        if self._started is not None:
            _stop(self._started)
            self._started = None
        remove(self.workspace)


def _follow(proc: subprocess.Popen, read_fd: int, setup: RunSetup, run: _Run, expected: int, time_left: float) -> None:
    """Read events until every check reported, the process ended, or a deadline passed.

    Each step has its own deadline (start-up, import, each check); once the module is imported, the checks
    together also have `time_left` seconds.
    """
    try:
        _read_events(proc, read_fd, setup, run, expected, time_left)
    finally:
        if run.imported_at is not None:
            run.checking = time.monotonic() - run.imported_at


def _read_events(
    proc: subprocess.Popen, read_fd: int, setup: RunSetup, run: _Run, expected: int, time_left: float
) -> None:
    per_check = setup.time_limit + GRACE
    deadline = time.monotonic() + STARTUP_LIMIT
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(read_fd, selectors.EVENT_READ, "events")
        selector.register(proc.stdout, selectors.EVENT_READ, "output")
        events_open = True
        while events_open and len(run.results) < expected:
            budget_end = run.imported_at + time_left if run.imported_at is not None else math.inf
            remaining = min(deadline, budget_end) - time.monotonic()
            if remaining <= 0:
                run.ended_in = "timeout"
                run.out_of_time = budget_end < deadline
                _ask_where(proc, run)
                return
            ready = selector.select(timeout=min(remaining, EXIT_POLL))
            if not ready and proc.poll() is not None:
                _drain(read_fd, buffer, setup, run, per_check, deadline)
                break  # the process ended, though something it left behind holds our channel open
            for key, _ in ready:
                chunk = os.read(key.fd, 65536)
                if key.data == "output":
                    _keep_tail(run, chunk)
                    if not chunk:
                        selector.unregister(key.fileobj)
                    elif run.output_size > OUTPUT_LIMIT:
                        run.ended_in = "output"
                        return
                    continue
                if not chunk:
                    events_open = False
                    continue
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    event = parse_event(line, setup.nonce)
                    if event is not None:
                        deadline = _on_event(event, run, per_check, deadline)
        if run.running is not None or not run.imported:
            run.ended_in = "crash"
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(EXIT_WAIT)  # ending on its own: let it, so that its exit status says how


def _drain(read_fd: int, buffer: bytes, setup: RunSetup, run: _Run, per_check: float, deadline: float) -> None:
    """Take in the events still in the pipe once the process is gone, without waiting for an end that may not come."""
    os.set_blocking(read_fd, False)
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(read_fd, 65536):
            buffer += chunk
    for line in buffer.split(b"\n"):
        if (event := parse_event(line, setup.nonce)) is not None:
            deadline = _on_event(event, run, per_check, deadline)


def _on_event(event: dict, run: _Run, per_check: float, deadline: float) -> float:
    kind = event["event"]
    now = time.monotonic()
    if kind == "importing":
        run.started = True
        return now + per_check
    if kind == "imported":
        run.imported = True
        run.imported_at = now
        return now + STARTUP_LIMIT
    if kind == "import_error":
        run.import_failure = event
        return deadline
    if kind == "begin":
        run.running = event["name"]
        return now + per_check
    if kind == "result":
        run.running = None
        location = Location(**event["location"]) if event.get("location") else None
        run.results[event["name"]] = CheckResult(
            name=event["name"], title="", status=Status(event["status"]), score=0, max_score=0,
            message=event.get("message") or "", expected=event.get("expected"), fix=event.get("fix"),
            location=location, duration=float(event.get("duration") or 0.0),
        )  # fmt: skip
        return now + STARTUP_LIMIT
    return deadline


def _ask_where(proc: subprocess.Popen, run: _Run) -> None:
    """Let faulthandler print where the process is stuck (for the message), briefly, then give up on it."""
    try:
        os.kill(proc.pid, signal.SIGUSR1)
    except ProcessLookupError:
        return
    end = time.monotonic() + 0.3
    os.set_blocking(proc.stdout.fileno(), False)
    while time.monotonic() < end:
        try:
            chunk = os.read(proc.stdout.fileno(), 65536)
        except BlockingIOError:
            time.sleep(0.02)
            continue
        if not chunk:
            break
        _keep_tail(run, chunk)


def _keep_tail(run: _Run, chunk: bytes) -> None:
    run.output_size += len(chunk)
    run.output += chunk
    if len(run.output) > OUTPUT_TAIL:
        del run.output[: len(run.output) - OUTPUT_TAIL]


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _tail(run: _Run, lines: int = 3) -> str:
    text = run.output.decode("utf-8", "replace").strip().splitlines()
    return " / ".join(text[-lines:]) if text else f"the process ended with code {run.returncode}"


def _stuck_at(run: _Run, workspace: Path) -> Location | None:
    """The student's innermost frame in faulthandler's dump of the main thread, if it printed one."""
    text = run.output.decode("utf-8", "replace")
    start = text.rfind("Current thread")
    if start < 0:
        start = text.rfind("Thread 0x")
    exercises = str(workspace / "exercises") + os.sep
    # faulthandler writes what is not ASCII as escapes (\xfc), as backslashreplace does: a TMPDIR named in any
    # language must still be recognised.
    prefixes = (exercises, exercises.encode("ascii", "backslashreplace").decode("ascii"))
    for match in _FAULTHANDLER_FRAME.finditer(text, max(start, 0)):
        file = match["file"]
        prefix = next((p for p in prefixes if file.startswith(p)), None)
        if prefix is not None and not file.endswith("util.py"):
            return Location("exercises/" + file[len(prefix) :], int(match["line"]), match["func"])
    return None


def _describe_exit(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else str(-returncode)
        memory = " (out of memory?)" if name == "SIGKILL" else ""
        return f"the process was killed by {name}{memory}"
    return f"the process exited with code {returncode} (does your code call os._exit()?)"


def _stopped_check(exercise: Exercise, suite_check, run: _Run, workspace: Path) -> CheckResult:
    if run.ended_in == "timeout":
        where = _stuck_at(run, workspace)
        limit = (f"when the exercise's checks had taken {exercise.total_time_limit:g} s in all" if run.out_of_time
                 else f"within {exercise.time_limit:g} s")  # fmt: skip
        return _check(
            exercise, suite_check, Status.TIMEOUT,
            f"the check did not finish {limit}",
            fix=TIMEOUT_FIX,
            location=where,
        )  # fmt: skip
    if run.ended_in == "output":
        return _check(
            exercise, suite_check, Status.CRASHED,
            f"the check printed more than {OUTPUT_LIMIT // 1024**2} MB and was stopped",
            fix="Look for a print() inside a loop that never ends, and print only what the exercise asks for.",
        )  # fmt: skip
    return _check(exercise, suite_check, Status.CRASHED, f"{_describe_exit(run.returncode)} during this check")


def _import_crash(exercise: Exercise, run: _Run) -> tuple[Status, Outcome, str]:
    if not run.started:
        raise InternalError(f"the suite of exercise {exercise.id} did not start: {_tail(run, 20)}")
    if run.ended_in == "timeout":
        message = (
            f"importing {exercise.relpath} did not finish within {exercise.time_limit:g} s: "
            "is there an endless loop at the top level?"
        )
        return Status.TIMEOUT, Outcome.TIMEOUT, message
    if run.ended_in == "output":
        message = f"importing {exercise.relpath} printed more than {OUTPUT_LIMIT // 1024**2} MB and was stopped"
        return Status.CRASHED, Outcome.CRASHED, message
    message = f"importing {exercise.relpath} stopped the grader: {_describe_exit(run.returncode)}"
    return Status.CRASHED, Outcome.CRASHED, message


def _check(exercise: Exercise, suite_check, status: Status, message: str, **details) -> CheckResult:
    points = exercise.check(suite_check.name).points
    return CheckResult(suite_check.name, suite_check.title, status, 0, points, message, **details)


def _fail_all(result, exercise, suite, status, outcome, message, location=None) -> None:
    result.outcome = outcome
    result.message = message
    result.location = location
    result.checks = [_check(exercise, suite[c.name], status, message, location=location) for c in exercise.checks]
