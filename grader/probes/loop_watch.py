"""Tell a student whether their coroutine blocked the event loop, for how long, and on which line.

A heartbeat coroutine notices *that* the loop stalled: it asks to wake every few milliseconds, so a longer gap
between two ticks is time in which the loop ran nothing else. It cannot say *why*: by the time it runs again the
culprit has returned. So a daemon thread watches the heartbeat and, only while it is late, samples the loop
thread's stack (`sys._current_frames()`) and keeps the innermost frame in the student's files: that is the line
a student can change, even when the time is spent deep inside `requests`, `time.sleep` or a pool's `result()`.

Timestamps come from `time.monotonic()`, the system-wide clock on Linux, so that a suite can compare a stall with
the moments a worker thread or a worker *process* says it was busy (`BlockedSpan.overlap`): "the loop was frozen
during the whole 0.3 s the request took" is evidence that does not depend on how busy the machine is.

Usage, in a suite (see grader/suites/README.md):

    async with LoopWatch(submission_root, given=(ex.get_status,)) as watch:
        await ex.fetch_status(url)
    stall = watch.report.stall_during(started, ended)
    if stall is not None and stall.overlap(started, ended) > 0.15:
        fail(stall.describe(), ...)
"""

from __future__ import annotations

import asyncio
import bisect
import inspect
import linecache
import os
import selectors
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType, TracebackType
from typing import Any, NamedTuple

from grader.model import Location

_THIS_FILE = (__file__, os.path.realpath(__file__))
_SLEEP_CODE = getattr(inspect.unwrap(asyncio.sleep), "__code__", None)
"""The code of `asyncio.sleep` (an `async def` from Python 3.10 to 3.14)."""


class Site(NamedTuple):
    """A line of the student's files where the loop thread was found."""

    filename: str
    """As the code object names it, for `linecache`."""
    relative: str
    """Relative to the submission root, e.g. `exercises/ex05_blocking_io.py`."""
    line: int
    function: str

    def code(self) -> str | None:
        return linecache.getline(self.filename, self.line).strip() or None


@dataclass(frozen=True)
class BlockedSpan:
    """One stall of the loop, blamed on the student line sampled most often during it.

    The location fields are None when no student frame dominated the stall (the time went to code the student
    did not call, or the stall was too short to sample). `via` names the given helper (e.g. `get_status`) the
    blamed line called, when the time was spent inside it.
    """

    seconds: float
    started: float = 0.0
    """`time.monotonic()` at the last heartbeat tick before the stall."""
    ended: float = 0.0
    """`time.monotonic()` when the loop ran the heartbeat again (or the watch ended)."""
    file: str | None = None
    line: int | None = None
    function: str | None = None
    code: str | None = None
    via: str | None = None
    elsewhere: int = 0
    """Samples of the stall that found the loop thread on another line of the student's than the blamed one: none
    means the blamed line is all of the student's code the stall was seen in."""
    located_from: float | None = None
    """`time.monotonic()` from which the student's code may have held the loop: one sampling delay (`late_after`)
    before the first sample that found a line of theirs. Before it the loop was elsewhere: waiting, with the machine
    too busy to run it, or in code of the grader's. None: from the start."""

    def describe(self) -> str:
        """The stall as one line a student can act on, e.g.
        `event loop blocked for 0.31 s at exercises/ex05_blocking_io.py:14 in fetch_status: requests.get(url)`."""
        text = f"event loop blocked for {self.seconds:.2f} s"
        if self.file is None:
            return text
        text += f" at {self.file}:{self.line} in {self.function}"
        if self.code:
            text += f": {self.code}"
        return f"{text} (inside {self.via})" if self.via else text

    @property
    def location(self) -> Location | None:
        """The blamed line, for pointing a failure at it (`fail(..., at=span.location)`)."""
        return Location(self.file, self.line or 0, self.function) if self.file else None

    def overlap(self, start: float, end: float) -> float:
        """Seconds of [start, end] (monotonic) during which the loop was stalled in this span."""
        return max(0.0, min(self.ended, end) - max(self.started, start))

    def own(self, start: float, end: float, *, besides: Iterable[tuple[float, float]] = ()) -> float:
        """Seconds of [start, end] during which the student's code may have held the loop in this span: from its
        `located_from`, less the intervals `besides` (time that was not the student's, see `LoopReport.blocked_for`)."""
        begun = max(self.started, self.located_from or self.started, start)
        until = min(self.ended, end)
        return max(0.0, until - begun - sum(max(0.0, min(until, last) - max(begun, first)) for first, last in besides))


@dataclass
class LoopReport:
    """What the loop went through while watched; thresholds are the caller's call."""

    longest_gap: float = 0.0
    """Longest time without a heartbeat tick, in seconds; includes one `interval` of sleep."""
    spans: list[BlockedSpan] = field(default_factory=list)
    """Every gap longer than `late_after`, in the order they ended."""
    tick_times: list[float] = field(default_factory=list)
    """`time.monotonic()` of every heartbeat tick, in order."""
    awake_times: list[float] = field(default_factory=list)
    """`time.monotonic()` of the ticks at which no coroutine of the student's was inside `asyncio.sleep`."""

    @property
    def ticks(self) -> int:
        """Heartbeat ticks seen; near zero means the loop hardly ran at all."""
        return len(self.tick_times)

    def ticks_between(self, start: float, end: float) -> int:
        """How many times the loop ran the heartbeat within [start, end] (monotonic): proof that it kept running."""
        return bisect.bisect_right(self.tick_times, end) - bisect.bisect_left(self.tick_times, start)

    def worst(self) -> BlockedSpan | None:
        """The longest stall, because that is the one worth telling a student about."""
        return max(self.spans, key=lambda span: span.seconds, default=None)

    def blocked(self, more_than: float) -> BlockedSpan | None:
        """The worst stall if it exceeds `more_than` seconds (judge `longest_gap` below `late_after`)."""
        worst = self.worst()
        return worst if worst is not None and worst.seconds > more_than else None

    def stalled_for(self, start: float, end: float, *, located: bool = False) -> float:
        """Seconds of [start, end] (monotonic) during which the loop was stalled, all stalls together: several short
        stalls (a `time.sleep` between retries, say) can freeze most of an interval that no single one covers.
        `located` counts only the stalls blamed on a line of the student's: a busy machine's pause is none."""
        return sum(span.overlap(start, end) for span in self._spans(located))

    def blocked_for(
        self, start: float, end: float, *, besides: Iterable[tuple[float, float]] = ()
    ) -> tuple[float, BlockedSpan | None]:
        """Seconds of [start, end] (monotonic) during which the loop was stalled at lines of the student's, less the
        intervals `besides` (time that was not the student's, such as a pool starting its workers in the loop's
        thread), and the stall that held it longest. Each stall counts from its `located_from`: on a busy machine a
        loop that waited with nothing to do can be kept off the CPU until the student's code runs again, and the
        whole stall is then blamed on that code. Before, between and after any work: a `time.sleep` before
        handing work over stalls no work, yet stops the loop."""
        besides = list(besides)
        blocked, worst, longest = 0.0, None, 0.0
        for span in self._spans(located=True):
            own = span.own(start, end, besides=besides)
            blocked += own
            if own > longest:
                worst, longest = span, own
        return blocked, worst

    def stall_during(self, start: float, end: float, *, located: bool = False) -> BlockedSpan | None:
        """The stall that covered most of the interval [start, end] (monotonic), or None if none touched it.
        `located` considers only the stalls blamed on a line of the student's, as `stalled_for` does."""
        best = max(self._spans(located), key=lambda span: span.overlap(start, end), default=None)
        return best if best is not None and best.overlap(start, end) > 0 else None

    def _spans(self, located: bool) -> list[BlockedSpan]:
        return [span for span in self.spans if span.file is not None] if located else self.spans


# The names Python gives the frames of comprehensions and lambdas: blame the function around them instead.
_ANONYMOUS = frozenset({"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>", "<lambda>"})


class LoopWatch:
    """Async context manager that watches the running loop for the duration of its body.

    `student_root` is the folder reported file names are relative to; only frames from files under it are
    blamed. `given` lists the student file's given helpers (e.g. `get_status`): a stall inside one is blamed on
    the student's line that called it, since that is the line to change. `late_after` is the shortest stall
    worth recording and locating; sampling starts only then, so healthy code pays for one timer every
    `interval` and a thread wake-up every `late_after`.
    """

    def __init__(
        self,
        student_root: str | Path,
        *,
        given: Iterable[Callable[..., Any]] = (),
        interval: float = 0.01,
        late_after: float = 0.05,
        sample_every: float = 0.005,
    ) -> None:
        if not 0 < interval < late_after or sample_every <= 0:
            raise ValueError("need 0 < interval < late_after and sample_every > 0")
        root = os.fspath(student_root)
        self._prefixes = tuple({os.path.join(os.path.abspath(root), ""), os.path.join(os.path.realpath(root), "")})
        self._given: set[CodeType] = {code for code in map(_code_of, given) if code is not None}
        self._interval = interval
        self._late_after = late_after
        self._sample_every = sample_every
        self._relative: dict[str, str | None] = {}
        self._samples: dict[int, Counter[tuple[Site, Site | None] | None]] = {}
        self._first_located: dict[int, float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        # (ticks so far, monotonic() at the last tick): one tuple, so the sampler reads a consistent pair.
        self._beat = (0, 0.0)
        self._asleep_at: float | None = None
        self._progress = LoopReport()
        self._report: LoopReport | None = None

    def ticks_since(self, moment: float) -> int:
        """Heartbeat ticks after `moment` (monotonic) so far; safe to ask from any thread while watching."""
        times = self._progress.tick_times
        return len(times) - bisect.bisect_right(times, moment)

    def awake_ticks_since(self, moment: float) -> int:
        """Heartbeat ticks after `moment` at which no coroutine of the student's was inside `asyncio.sleep`: the loop
        ran while the student's code waited for something else than the clock (an executor's future, say)."""
        times = self._progress.awake_times
        return len(times) - bisect.bisect_right(times, moment)

    def loop_state(self) -> str | None:
        """What the loop's thread is doing now, judged from its stack, not from how long ago a tick came (a machine
        that gives the grader's process no CPU for a while holds its loop in the selector, and that is not a loop
        blocked by the student's code). Safe to ask from any thread.

        'idle': it waits in its selector, and has ticked on time. 'blocked': it has run something for longer than
        `late_after` since its last tick (the student's code, as the loop stands still). None: neither, running
        callbacks between two ticks, or idle past its next tick (its thread alone got no CPU: threads are
        scheduled one by one)."""
        frame = sys._current_frames().get(self._loop_thread)
        since = time.monotonic() - self._beat[1]
        if frame is not None and frame.f_code.co_name == "select" and frame.f_code.co_filename == selectors.__file__:
            return "idle" if since <= 2 * self._interval else None
        return "blocked" if since >= self._late_after else None

    def waiting_on_the_clock(self) -> bool | None:
        """Whether the student's code waits on the clock now, for a clock that counts only the time in which it does
        not (`work.keep_clock`, a fake server's latency). Safe to ask from any thread.

        True: the loop is idle (`loop_state`), and at its last tick a coroutine of the student's was inside
        `asyncio.sleep`. False: the loop is idle and none was (it awaited something else), or the loop is blocked,
        so the student's code is running. None: the loop's state is not known (`loop_state`)."""
        state = self.loop_state()
        return None if state is None else state == "idle" and self._asleep_at is not None

    @property
    def report(self) -> LoopReport:
        """The findings; only complete once the `async with` block has exited."""
        if self._report is None:
            raise RuntimeError("LoopWatch.report is available after the async with block exits")
        return self._report

    async def __aenter__(self) -> LoopWatch:
        self._loop_thread = threading.get_ident()
        self._beat = (0, time.monotonic())
        self._task = asyncio.get_running_loop().create_task(self._heartbeat(), name="LoopWatch heartbeat")
        self._thread = threading.Thread(target=self._sample, name="LoopWatch sampler", daemon=True)
        self._thread.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # Everything up to cancel() is synchronous, so it completes even if we are being cancelled.
        now = time.monotonic()
        self._stop.set()
        self._thread.join()
        self._close_gap(now)
        self._report = self._progress
        self._task.cancel()
        await asyncio.wait({self._task})

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            now = time.monotonic()
            self._close_gap(now)
            asleep = self._student_sleeping()
            self._asleep_at = now if asleep else None
            if not asleep:
                self._progress.awake_times.append(now)
            self._progress.tick_times.append(now)

    def _student_sleeping(self) -> bool:
        """Whether a task on the loop is suspended inside `asyncio.sleep`, awaited (through any depth of coroutines)
        by a coroutine of the student's files."""
        for task in asyncio.all_tasks():
            awaited: Any = task.get_coro()
            students = False
            while awaited is not None:
                code = getattr(awaited, "cr_code", None) or getattr(awaited, "gi_code", None)
                if code is None:
                    break
                if code is _SLEEP_CODE:
                    if students:
                        return True
                    break
                students = students or self._relative_path(code.co_filename) is not None
                awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
        return False

    def _close_gap(self, now: float) -> None:
        """End the current gap at `now`; a long one becomes a span blamed on its samples."""
        with self._lock:
            epoch, last = self._beat
            samples = self._samples.pop(epoch, None)
            first_located = self._first_located.pop(epoch, None)
            self._beat = (epoch + 1, now)
        gap = now - last
        self._progress.longest_gap = max(self._progress.longest_gap, gap)
        if gap <= self._late_after:
            return
        found = samples.most_common(1)[0][0] if samples else None
        if found is None:
            self._progress.spans.append(BlockedSpan(gap, last, now))
            return
        site, via = found
        helper = f"{via.function}: {via.code() or 'line ' + str(via.line)}" if via else None
        elsewhere = sum(count for key, count in samples.items() if key is not None and key[0] != site)
        self._progress.spans.append(
            BlockedSpan(gap, last, now, site.relative, site.line, site.function, site.code(), helper, elsewhere,
                        None if first_located is None else max(last, first_located - self._late_after))
        )  # fmt: skip

    def _sample(self) -> None:
        """Sampler thread: sleep until the heartbeat could be late, then sample while it is."""
        wait = self._sample_every
        while not self._stop.wait(wait):
            epoch, last = self._beat
            sampled = time.monotonic()
            early = last + self._late_after - sampled
            wait = max(early, self._sample_every)
            if early > 0:
                continue
            found = self._locate(sys._current_frames().get(self._loop_thread))
            with self._lock:
                if self._beat[0] == epoch:
                    self._samples.setdefault(epoch, Counter())[found] += 1
                    if found is not None:
                        self._first_located.setdefault(epoch, sampled)

    def _locate(self, frame: FrameType | None) -> tuple[Site, Site | None] | None:
        """The student's line on the loop thread's stack (the caller of a given helper), and the helper's line."""
        student: list[FrameType] = []  # innermost first
        while frame is not None:
            if self._relative_path(frame.f_code.co_filename) is not None and frame.f_lineno is not None:
                student.append(frame)
            frame = frame.f_back
        if not student:
            return None
        helper = None
        for index, found in enumerate(student):
            if found.f_code in self._given:
                helper = helper or self._site(found, student[index + 1 :])
                continue
            return self._site(found, student[index + 1 :]), helper
        return self._site(student[0], student[1:]), None

    def _site(self, frame: FrameType, outer: list[FrameType]) -> Site:
        code = frame.f_code
        function = code.co_name
        if function in _ANONYMOUS:  # 3.10 and 3.11 run comprehensions in frames of their own
            function = next((f.f_code.co_name for f in outer if f.f_code.co_name not in _ANONYMOUS), function)
        return Site(code.co_filename, self._relative[code.co_filename] or "", frame.f_lineno or 0, function)

    def _relative_path(self, filename: str) -> str | None:
        """Path under the student root, or None; cached because the sampler asks once per frame.

        Only string work here, no system call (no `realpath`): a system call hands the GIL back, and while the
        loop thread computes, each hand-over costs the sampler a switch interval (5 ms), so resolving the files
        of a deep stack took longer than the stall it was sampling.
        """
        if filename not in self._relative:
            prefix = next((p for p in self._prefixes if filename.startswith(p)), None)
            inside = prefix is not None and filename not in _THIS_FILE
            self._relative[filename] = filename[len(prefix) :].replace(os.sep, "/") if inside else None
        return self._relative[filename]


def _code_of(func: Callable[..., Any]) -> CodeType | None:
    """The code object of `func` under its decorators (a student may decorate a given helper)."""
    try:
        return getattr(inspect.unwrap(func), "__code__", None)
    except ValueError:
        return None
