"""Calls of exercise 04 that wait for each other (`work.meet`, `work.finish_in_reverse`), told to stop waiting as soon
as the student's code shows that the other cannot come: a wrong run_cpu_bound then costs a moment, not the calls'
whole time limit, and `Alone` says why they stopped, for the check's message.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from grader.probes.processes import Handed, PoolSpy, at_once

ALONE = 0.5
"""Seconds without a further call handed to the pool, short of the calls expected, after which the calls waiting
for the others stop waiting (see `waiting_alone_gives_up`)."""


@dataclass
class Alone:
    why: str | None = None
    """Why the calls were told to stop waiting for each other, as the student reads it after "never ran at the same
    time"; None while they were not."""
    one_worker: bool = False
    """Why: the pools given the calls could run only one of them at a time."""
    chunked: bool = False
    """Why: the calls were handed over together, in one chunk of `pool.map(..., chunksize=...)`."""
    one_call: bool = False
    """Why: one call handed to the pool was given `work` and the list of ns, and ran every work(n) itself."""
    handed_first: int | None = None
    """How many of the `total` calls the loop's thread had handed over when the loop first had nothing left to run
    with some still to come: a run_cpu_bound that awaits a batch of calls before it submits the next. None when
    they were all handed over first."""


@contextlib.asynccontextmanager
async def waiting_alone_gives_up(
    folder: str, waiting: partial, expected: int, pools: PoolSpy, total: int | None = None
) -> AsyncIterator[Alone]:
    """Tell the calls of `waiting` that wait for each other in `folder` (`work.meet`, `work.finish_in_reverse`) to
    stop waiting once the others plainly cannot come, so that a wrong run_cpu_bound costs a moment, not their limit.
    Only the calls of `waiting` count, not a call the student's code hands over for its own sake (a warm-up):

    - all `expected` calls were handed to pools whose workers cannot run that many at once (`max_workers=1`): the
      later calls wait in the pool's queue for the earlier ones to return;
    - the event loop's thread waits for the result() of a call while fewer than `expected` were handed over: the
      loop, and the code that would hand over the next call, stand still until that call has returned;
    - fewer than `expected` calls handed over, all by the loop's thread, and the loop is about to wait with nothing
      left to run: the code that hands the calls over awaits something first, the call it handed over when it
      awaits each call before it submits the next (a right one submits them all before it gives the loop back);
    - where that cannot be seen (a loop without a selector, calls handed over by another thread): fewer than
      `expected` calls handed over, and none more for ALONE seconds while the loop ran.

    A call that runs in the event loop's own thread never waits (`work.meet`); the suite passes it that thread,
    `work.this_thread()` called on the loop.

    `total`, when more calls than `expected` are made (the default), is their number: whether the loop went idle
    with only some of them handed over, by its own thread, is noted in `Alone.handed_first` (no one gives up for it).
    """
    total = expected if total is None else total
    loop = asyncio.get_running_loop()
    before, alone, loop_thread = pools.submitted, Alone(), threading.get_ident()

    def handed() -> list[Handed]:
        # A call that hands `waiting` on to a pool (`pool.map` run in a thread) is none of the calls: counting it
        # would show one call handed over, by the loop's thread, before that thread had submitted the real ones.
        return [call for call in pools.handed[before:] if call.runs(waiting) and not call.hands_on()]

    def give_up(why: str, one_worker: bool = False) -> None:
        if alone.why is None:
            alone.why, alone.one_worker = why, one_worker
            (Path(folder) / "gave-up").touch()

    def handed_late(calls: list[Handed]) -> None:
        if any(call.chunked() for call in calls):
            alone.chunked = True
            give_up("pool.map handed work(0) and work(1) over as one chunk, which one worker runs call after call")
        elif any(_runs_many(call, waiting) for call in calls):
            alone.one_call = True
            give_up(
                "run_cpu_bound handed the pool one call that was given work and a list of ns, so a single worker"
                " process ran work(0), then work(1), itself"
            )
        else:
            give_up("work(1) was handed to the pool only once work(0) had returned")

    def too_few_workers(calls: list[Handed]) -> bool:
        if len(calls) >= expected and at_once(calls) < expected:
            give_up(
                "the pool has a single worker, max_workers=1, so work(1) waited in its queue until work(0) had"
                " returned",
                one_worker=True,
            )
            return True
        return False

    def waiting_on_call(call: Handed) -> None:
        calls = handed()
        if threading.get_ident() == loop_thread and call.runs(waiting) and not too_few_workers(calls):
            if 0 < len(calls) < expected:
                give_up(
                    "the event loop waited for work(0)'s result(), so work(1) was handed to the pool only once"
                    " work(0) had returned"
                )

    def going_idle() -> None:
        calls = handed()
        by_the_loop = {c.thread for c in calls} == {loop_thread}
        if alone.handed_first is None and 0 < len(calls) < total and by_the_loop:
            alone.handed_first = len(calls)
        if not too_few_workers(calls) and 0 < len(calls) < expected and {c.thread for c in calls} == {loop_thread}:
            handed_late(calls)

    async def watch() -> None:
        seen, since = 0, loop.time()
        while alone.why is None:
            await asyncio.sleep(0.02)
            calls = handed()
            if len(calls) != seen:
                seen, since = len(calls), loop.time()
            if too_few_workers(calls):
                return
            if 0 < seen < expected and loop.time() - since > ALONE:
                handed_late(calls)

    watching = asyncio.ensure_future(watch())
    pools.waiting_on_call = waiting_on_call
    try:
        with before_waiting(loop, going_idle):
            yield alone
    finally:
        pools.waiting_on_call = None
        watching.cancel()


def _runs_many(call: Handed, waiting: partial) -> bool:
    """Whether `call` was handed `waiting` as an argument together with a list of several arguments for it (a helper
    of the student's, `run_in_executor(pool, work_all, work, ns)`), rather than being a call of it."""
    given = (*call.args, *getattr(call.fn, "args", ()))
    return (
        not call.hands_on()
        and any(arg is waiting for arg in given)
        and any(isinstance(arg, (list, tuple)) and len(arg) > 1 for arg in given)
    )


class _BeforeWaiting:
    """A loop's selector that calls `hook` whenever the loop is about to wait for a timer or for I/O: a timeout
    above zero, or none (zero means callbacks are ready to run)."""

    def __init__(self, selector: Any, hook: Callable[[], None]) -> None:
        self._selector = selector
        self._hook = hook

    def select(self, timeout: float | None = None) -> Any:
        if timeout is None or timeout > 0:
            self._hook()
        return self._selector.select(timeout)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._selector, name)


@contextlib.contextmanager
def before_waiting(loop: asyncio.AbstractEventLoop, hook: Callable[[], None]) -> Iterator[None]:
    """Within: `hook()` runs on the loop's thread each time `loop` has nothing left to run and is about to wait. It
    watches the private `_selector` of CPython's selector loops (3.10 to 3.14, as `grader.probes.idle_gate` does);
    on any other loop it never runs."""
    selector = getattr(loop, "_selector", None)
    if not callable(getattr(selector, "select", None)):
        yield
        return
    loop._selector = _BeforeWaiting(selector, hook)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        loop._selector = selector  # type: ignore[attr-defined]
