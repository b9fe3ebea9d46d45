"""Following a suite's pytest process while it runs: its event pipe and its output, turned into a `SuiteRun`.

The student's code runs in that process, so nothing it says counts but the events on the private pipe
(`grader.protocol`); what it prints is only kept (its tail) and counted against `OUTPUT_LIMIT`. Each step has a
deadline (start-up, import, each check); a check that overruns it is stopped after faulthandler was asked where it
was. `grader.suite_process` starts and stops the process around this.
"""

from __future__ import annotations

import contextlib
import math
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from grader.fork_server import SuiteProc
from grader.model import CheckResult, Location, Outcome, Status
from grader.protocol import RunSetup, parse_event

GRACE = 1.0
"""Seconds past a check's own limit before the parent steps in (the plugin's own timer gets the first chance)."""
STARTUP_LIMIT = 30.0
"""Seconds for Python and pytest to start and reach the student's import, on a very busy machine."""
EXIT_POLL = 0.25
"""How often the parent looks whether the suite's process is still alive while it waits for events."""
EXIT_WAIT = 0.5
"""How long a process whose channel closed mid-check may take to exit on its own (its status tells why it ended)."""
OUTPUT_TAIL = 64 * 1024
"""Bytes of the process's latest output kept: enough for faulthandler's dump of a hung check and a crash's last
words, whatever was printed before."""
DUMP_WAIT = 1.0
"""Seconds the parent waits, at most, for faulthandler's dump of where a hung check is stuck."""
DUMP_QUIET = 0.05
"""Seconds without output after the dump began that end the wait for it: faulthandler writes it all at once."""
_DUMP_HEADER = b"(most recent call first):"
OUTPUT_LIMIT = 8 * 1024**2
"""Bytes a suite's process may print (student code included) before the parent stops it."""


@dataclass
class SuiteRun:
    """What one pytest process told us before it ended or was stopped."""

    results: dict[str, CheckResult] = field(default_factory=dict)
    import_failure: dict | None = None
    collect_error: str | None = None
    """Why pytest could not load the suite after the student's module was imported (too many open files, say)."""
    started: bool = False
    imported: bool = False
    running: str | None = None
    ended_in: str | None = None
    """How the process ended while a check or the import was under way: 'timeout', 'output' or 'crash'."""
    out_of_time: bool = False
    """The exercise's total time limit, not the check's own, stopped it."""
    imported_at: float | None = None
    checking_since: float | None = None
    """When the run's first check began (`time.monotonic()`); None until then."""
    checking: float = 0.0
    """Seconds the checks ran, from the first check's start: what counts against the exercise's total time limit.
    Not from the import's end: pytest's collection and the grader's snapshot come between, and on a loaded machine
    they took a third of the budget that three hanging checks left, costing a right check its verdict. A run that
    never began a check is charged from the import's end (it hung there, or ended)."""
    checked: float = 0.0
    """Seconds from the first check's start to the latest result: what a run its fork server took down is charged,
    since the check it was stopped in is run again in full."""
    returncode: int | None = None
    lost_server: bool = False
    """The process was forked by a server that ended meanwhile, and was stopped with it: what it left unfinished says
    nothing about the student (`grader.fork_server`)."""
    output: bytearray = field(default_factory=bytearray)
    output_size: int = 0
    on_check: Callable[[str], None] | None = field(default=None, repr=False)
    """Told each check's name as it begins, from the thread that follows the run (a progress display)."""


def follow(proc: SuiteProc, read_fd: int, setup: RunSetup, run: SuiteRun, expected: int, time_left: float) -> None:
    """Read events until every check reported, the process ended, or a deadline passed.

    Each step has its own deadline (start-up, import, each check); once the first check begins, the checks
    together also have `time_left` seconds.
    """
    try:
        _read_events(proc, read_fd, setup, run, expected, time_left)
    finally:
        if (since := run.checking_since or run.imported_at) is not None:
            run.checking = time.monotonic() - since


def _read_events(
    proc: SuiteProc, read_fd: int, setup: RunSetup, run: SuiteRun, expected: int, time_left: float
) -> None:
    channel = _EventChannel(setup, run)
    with selectors.DefaultSelector() as selector:
        selector.register(read_fd, selectors.EVENT_READ, "events")
        selector.register(proc.stdout, selectors.EVENT_READ, "output")
        events_open = True
        while events_open and len(run.results) < expected:
            budget_end = _budget_end(run, time_left)
            remaining = min(channel.deadline, budget_end) - time.monotonic()
            if remaining <= 0:
                run.ended_in = "timeout"
                run.out_of_time = budget_end < channel.deadline
                _ask_where(proc, run)
                return
            ready = selector.select(timeout=min(remaining, EXIT_POLL))
            if not ready and proc.poll() is not None:
                channel.drain(read_fd)
                break  # the process ended, though something it left behind holds our channel open
            for key, _ in ready:
                chunk = os.read(key.fd, 65536)
                if not chunk and key.data == "output":
                    selector.unregister(key.fileobj)
                    continue
                if not chunk:
                    events_open = False
                    continue
                if key.data == "output":
                    _keep_tail(run, chunk)
                else:
                    # What reaches our channel counts as output too: the student's code can find it and flood it.
                    run.output_size += len(chunk)
                if run.output_size > OUTPUT_LIMIT:
                    run.ended_in = "output"
                    return
                if key.data == "events":
                    channel.take(chunk)
    _note_crash(proc, run)


def _budget_end(run: SuiteRun, time_left: float) -> float:
    """When the exercise's budget for its checks runs out (`time.monotonic()`), infinity before the import's end.

    Counted from the import's end until a check begins: code that hangs after the import but before any check is
    still cut at the exercise's budget."""
    since = run.checking_since or run.imported_at
    return since + time_left if since is not None else math.inf


def _note_crash(proc: SuiteProc, run: SuiteRun) -> None:
    """Once the events stopped, a check or the import left under way means the process ended mid-step."""
    if run.running is not None or not run.imported:
        run.ended_in = "crash"
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(EXIT_WAIT)  # ending on its own: let it, so that its exit status says how


class _EventChannel:
    """The private event pipe as read so far: its unfinished last line, and the deadline the latest event set."""

    def __init__(self, setup: RunSetup, run: SuiteRun) -> None:
        self.setup = setup
        self.run = run
        self.per_check = setup.time_limit + GRACE
        self.deadline = time.monotonic() + STARTUP_LIMIT
        self.buffer = bytearray()

    def take(self, chunk: bytes) -> None:
        """Take in the events of `chunk`'s complete lines (the caller counted it against the output limit)."""
        # A line without end is only kept (not split again and again) until its newline comes.
        self.buffer += chunk
        if b"\n" not in chunk:
            return
        *lines, rest = self.buffer.split(b"\n")
        self.buffer = bytearray(rest)
        for line in lines:
            event = parse_event(line, self.setup.nonce)
            if event is not None:
                self.deadline = _on_event(event, self.run, self.per_check, self.deadline)

    def drain(self, read_fd: int) -> None:
        """Take in the events still in the pipe once the process is gone, without waiting for an end that may not
        come, nor reading past the output limit."""
        run = self.run
        os.set_blocking(read_fd, False)
        with contextlib.suppress(BlockingIOError):
            while run.output_size <= OUTPUT_LIMIT and (chunk := os.read(read_fd, 65536)):
                run.output_size += len(chunk)
                self.buffer += chunk
        for line in self.buffer.split(b"\n"):
            if (event := parse_event(line, self.setup.nonce)) is not None:
                _on_event(event, run, self.per_check, self.deadline)  # no deadline is left to keep: the process is gone


def _on_event(event: dict, run: SuiteRun, per_check: float, deadline: float) -> float:
    try:
        new_deadline = _take_event(event, run, per_check, deadline)
    except (KeyError, TypeError, ValueError):  # not what the plugin sends: ignored, as a line without the nonce is
        return deadline
    # Outside the try: an error of the display's own is no malformed event, and must not cost the check its time
    # limit (the begin's deadline) nor pass unseen.
    if event["event"] == "begin" and run.on_check is not None:
        run.on_check(run.running)
    return new_deadline


def _take_event(event: dict, run: SuiteRun, per_check: float, deadline: float) -> float:
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
        run.import_failure = _well_formed_import_failure(event)
        return deadline
    if kind == "collect_error":
        run.collect_error = str(event.get("message") or "")
        return deadline
    if kind == "begin":
        run.running = str(event["name"])
        if run.checking_since is None:
            run.checking_since = now
        return now + per_check
    if kind == "result":
        location = Location.from_dict(event.get("location"))
        name = str(event["name"])
        run.results[name] = CheckResult(
            name=name, title="", status=Status(event["status"]), score=0, max_score=0,
            message=event.get("message") or "", expected=event.get("expected"), fix=event.get("fix"),
            location=location, duration=float(event.get("duration") or 0.0), printed=str(event.get("printed") or ""),
        )  # fmt: skip
        run.running = None
        if run.checking_since is not None:
            run.checked = now - run.checking_since
        return now + STARTUP_LIMIT
    return deadline


def _well_formed_import_failure(event: dict) -> dict:
    """`event`, once it is known to hold what the runner reads from an import failure (else KeyError, ValueError)."""
    Outcome(event["outcome"])
    Location.from_dict(event.get("location"))
    if not isinstance(event["message"], str):
        raise ValueError("an import failure's message is text")
    return event


def _ask_where(proc: SuiteProc, run: SuiteRun) -> None:
    """Let faulthandler print where the process is stuck (for the message), briefly, then give up on it.

    Read until the dump has come and the output has been quiet for DUMP_QUIET, for at most DUMP_WAIT: a fixed 0.3 s
    missed the dump of a process that a busy machine had not run meanwhile, and the message lost the student's line."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGUSR1)  # not os.kill: a fork whose server died may have a pid that is no longer its own
    start = last = time.monotonic()
    dumped = False
    os.set_blocking(proc.stdout.fileno(), False)
    while (now := time.monotonic()) < start + DUMP_WAIT:
        try:
            chunk = os.read(proc.stdout.fileno(), 65536)
        except BlockingIOError:
            if dumped and now - last >= DUMP_QUIET:
                break
            time.sleep(0.01)
            continue
        if not chunk:
            break
        _keep_tail(run, chunk)
        last = now
        dumped = dumped or _DUMP_HEADER in run.output[-(len(chunk) + len(_DUMP_HEADER)) :]


def _keep_tail(run: SuiteRun, chunk: bytes) -> None:
    run.output_size += len(chunk)
    run.output += chunk
    if len(run.output) > OUTPUT_TAIL:
        del run.output[: len(run.output) - OUTPUT_TAIL]
