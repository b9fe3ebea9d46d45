"""Work the suites hand to a student's `run_cpu_bound(ns, work)` (exercise 04).

Every function here runs wherever the student's code sends it: in the event loop's thread, in a worker thread,
or in a worker process started by fork, forkserver or spawn. So they live in an importable module of the grader
(a worker re-imports it by name and pickles the result back) and take their settings through
`functools.partial`, never through globals a suite patched. Each returns a `Record` saying where and when it
ran; `time.monotonic()` is the system-wide clock on Linux, so the parent can line the records up with what its
own event loop did meanwhile.

Which process ran a call is read through `getpid`, bound here when this module is first imported: in the
grader's process that is before the student's module (the plugin imports the suites' imports first), so a
submission that patches `os.getpid` to make its threads look like other processes is not believed.
"""

from __future__ import annotations

import contextlib
import os
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

getpid = os.getpid
"""The real `os.getpid`: the suite compares a record's pid with its own through this, never through `os`."""
POLL = 0.002
"""Seconds between two looks at the clock (`burn`, `keep_clock`)."""


class Record(NamedTuple):
    """Where and when one call `work(n)` ran."""

    n: int
    pid: int
    thread: int
    """`threading.get_ident()` of the thread that ran it."""
    started: float
    ended: float
    met: bool = False
    """For `meet`: whether another call was running at the same time."""
    paused: float = 0.0
    """For `burn`: seconds of [started, ended] during which the call was held while the student's code waited for
    something else than the work (see `burn`)."""


def where(n: int) -> Record:
    """Return at once, saying which process and thread ran the call."""
    now = time.monotonic()
    return Record(n, getpid(), threading.get_ident(), now, now)


def burn(seconds: float, n: int, clock: str | None = None, pause_limit: float = 0.0, home: int | None = None) -> Record:
    """Keep a CPU busy for `seconds`: CPU-bound work whose length does not depend on load.

    Except in a thread other than its process's main one, which only a thread pool of the grader's own process
    runs it in (a worker process runs its calls in its main thread): there it sleeps. A spinning thread would hold
    the GIL off and on, by an amount that depends on the machine's load, and the check that burns is about whether
    the loop waits for the work (in `pool.map`, `future.result()`), which a sleeping thread shows as well; threads
    instead of processes are the business of another check.

    With a `clock` (the file `keep_clock` keeps), the seconds are counted on it, not on the wall: they pass only
    while the parent sees the student's code await the work or block the loop, not while it waits for anything else
    (`await asyncio.sleep(0.5)`, an event, a timer), for up to `pause_limit` seconds of wall time more than
    `seconds`. So such a wait before a blocking `future.result()` does not find the work done, as real work longer
    than the wait would not be, however busy the machine: a parent that gets no CPU counts nothing.
    `Record.paused` is the wait's share of the call (at most its time beyond `seconds`).

    Except in the main thread of the process whose pid is `home` (the grader's, where that thread runs the event
    loop): there the loop stands still while the call runs, so the student's code cannot be asleep meanwhile, and a
    look at the clock every POLL seconds would hand the GIL back each time, which starves the thread that samples
    the loop's stack (`LoopWatch`): on an idle machine it got one sample in 0.4 s, and the stall went unlocated."""
    started = time.monotonic()
    latest = started + seconds + pause_limit
    spinning = threading.current_thread() is threading.main_thread()
    if spinning and getpid() == home:
        clock = None
    with contextlib.ExitStack() as stack:
        read = _reader(stack, clock) if clock is not None else None
        worked0, slept0 = read() if read is not None else (0.0, 0.0)
        worked, slept, looked, moved = worked0, slept0, started, started
        while (now := time.monotonic()) < latest:
            if read is None:
                if now - started >= seconds:
                    break
            elif now - looked >= POLL:
                looked = now
                before, (worked, slept) = worked, read()
                if worked - worked0 >= seconds:
                    break
                if worked != before:
                    moved = now
                elif now - moved > 3 * POLL:  # held: no need to keep a CPU busy meanwhile
                    time.sleep(POLL)
                    continue
            if not spinning:
                time.sleep(POLL)
    ended = time.monotonic()
    # A call ended by pause_limit has had its `seconds` of work, as far as a check is concerned: what was held beyond
    # them is the pause, not its share of the sleep, which leaves the work next to nothing.
    paused = max(0.0, min(slept - slept0, ended - started - seconds))
    return Record(n, getpid(), threading.get_ident(), started, ended, paused=paused)


_CLOCK = struct.Struct("<qddq")
"""The clock file's one record: a count of writes, seconds worked, seconds waited, the count again (a read that
overlaps a write sees two different counts and reads again)."""
STEP_LIMIT = 5 * POLL
"""The most one look of `keep_clock` adds: a parent that got no CPU for a while cannot tell what its loop did
meanwhile, so that time counts as neither work nor sleep."""


def _reader(stack: contextlib.ExitStack, path: str) -> Callable[[], tuple[float, float]]:
    fd = os.open(path, os.O_RDONLY)
    stack.callback(os.close, fd)

    def read() -> tuple[float, float]:
        while True:
            written, worked, slept, again = _CLOCK.unpack(os.pread(fd, _CLOCK.size, 0))
            if written == again:
                return worked, slept

    return read


@contextlib.contextmanager
def keep_clock(path: str, waiting_elsewhere: Callable[[], bool | None]) -> Iterator[None]:
    """The parent's side of `burn`'s clock: while the block runs, a thread looks every POLL seconds at what the
    student's code is doing and adds the time since its last look, at most STEP_LIMIT, to the seconds worked
    (`waiting_elsewhere()` False: the code awaits the work or blocks the loop) or waited (True: it waits for
    something else), or to neither (None: not known), in the file `path`, for calls of `burn` in any process to
    read."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.pwrite(fd, _CLOCK.pack(0, 0.0, 0.0, 0), 0)
    stop = threading.Event()

    def keep() -> None:
        written, worked, slept, last = 0, 0.0, 0.0, time.monotonic()
        while not stop.wait(POLL):
            state = waiting_elsewhere()
            now = time.monotonic()
            step, last = min(now - last, STEP_LIMIT), now
            if state is None:
                continue
            if state:
                slept += step
            else:
                worked += step
            written += 1
            os.pwrite(fd, _CLOCK.pack(written, worked, slept, written), 0)

    thread = threading.Thread(target=keep, name="burn's clock", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        os.close(fd)


class WorkError(Exception):
    """What the suite's failing `work` raises: a type of the grader's own, not one a solution could raise, or catch,
    by habit (a `ValueError` of its own, an `except ValueError:` around the pool's shutdown), so only work's own
    exception passed through as it is meets the checks."""


def fail_if_negative(n: int) -> int:
    """A `work` that raises for negative input, as a student's real work might."""
    if n < 0:
        raise WorkError(f"cannot work on a negative number: {n}")
    return n


def fail_if_negative_or_linger(seconds: float, n: int) -> int:
    """`fail_if_negative`, but a call that does not fail takes `seconds`: when one call raises, the others are still
    running, so a pool that is not shut down on the way out (one per call, left to asyncio.gather, which raises the
    first exception without waiting for the rest) still has its workers when run_cpu_bound raises."""
    if n < 0:
        raise WorkError(f"cannot work on a negative number: {n}")
    time.sleep(seconds)
    return n


ThreadId = tuple[int, int]
"""A thread of any process: (pid, `threading.get_ident()`)."""


def this_thread() -> ThreadId:
    """The caller's thread, as a call in any process can compare with its own (`in_thread`)."""
    return getpid(), threading.get_ident()


def in_thread(thread: ThreadId | None) -> bool:
    """Whether the caller runs in `thread`."""
    return thread is not None and this_thread() == tuple(thread)


def meet(folder: str, expected: int, timeout: float, n: int, loop_thread: ThreadId | None = None) -> Record:
    """Wait until `expected` calls are running at once (they meet), or until `timeout`.

    Calls find each other through files in `folder`, which works across processes of any start method. Once one
    call has given up, the others do not wait any more: a wrong solution costs one `timeout`, not one each. A call
    run in `loop_thread`, the thread of the grader's event loop, does not wait at all: while it runs, the loop
    cannot hand another call to anyone.
    """
    here = Path(folder)
    started = time.monotonic()
    mine = here / f"in-{n}-{getpid()}-{threading.get_ident()}"
    mine.touch()
    met = False
    if in_thread(loop_thread):
        (here / "gave-up").touch()
    try:
        while True:
            if (here / "met").exists():
                met = True
                break
            if (here / "gave-up").exists():
                break
            if sum(1 for _ in here.glob("in-*")) >= expected:
                (here / "met").touch()
                met = True
                break
            if time.monotonic() - started > timeout:
                (here / "gave-up").touch()
                break
            time.sleep(0.005)
    finally:
        mine.unlink()
    return Record(n, getpid(), threading.get_ident(), started, time.monotonic(), met)


def finish_in_reverse(folder: str, count: int, timeout: float, n: int, loop_thread: ThreadId | None = None) -> int:
    """Return `n + 10` (not what the default work returns), but only after the call for `n + 1` has returned (plus
    a margin): completion order is reversed.

    Run concurrently on enough workers, calls for 0..count-1 complete in the order count-1, ..., 1, 0, so a
    solution that collects results as they complete returns them backwards. A call run in `loop_thread` (see
    `meet`) returns at once: no call the loop would start can finish before it.
    """
    here = Path(folder)
    if n + 1 < count and not in_thread(loop_thread):
        deadline = time.monotonic() + timeout
        while not (here / f"done-{n + 1}").exists() and time.monotonic() < deadline:
            if (here / "gave-up").exists():  # the later call will not come (see `meet`)
                break
            time.sleep(0.005)
        time.sleep(0.1)  # lets the later call's result reach the parent first
    (here / f"done-{n}").touch()
    return n + 10
