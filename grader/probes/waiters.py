"""Whether anyone waits for a call handed to a pool: the evidence that a student's code awaits its work.

A student's code that waits for the clock (or for an event, a timer, a thread's sleep) before a blocking
`future.result()` finds work that is shorter than the wait already done, and blocks nothing; real work can be longer
than any wait. So the probes that stand for such work (exercise 04's `work.burn`, exercise 05's fake server) let
their time run only while someone waits for the call, or the loop is blocked. These functions read that from the
`concurrent.futures.Future` itself; its attributes have been the same since Python 3.2.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.thread
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grader.probes.loop_watch import LoopWatch

_RUN_WORK_ITEM = concurrent.futures.thread._WorkItem.run.__code__


def someone_waits(future: concurrent.futures.Future, besides: Iterable[Callable[..., Any]] = ()) -> bool:
    """Whether anything waits for `future`: a done-callback other than those `besides` (asyncio's `wrap_future`, which
    `run_in_executor` uses, chains one), a thread in its `result()` or `exception()`, or `concurrent.futures.wait` or
    `as_completed`."""
    ours = list(besides)
    return (
        any(callback not in ours for callback in list(future._done_callbacks))
        or bool(future._waiters)
        or bool(future._condition._waiters)
    )


def running_future() -> concurrent.futures.Future | None:
    """The future of the thread pool's call that the calling thread is running, if it runs one."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _RUN_WORK_ITEM:
            return getattr(frame.f_locals.get("self"), "future", None)
        frame = frame.f_back
    return None


def waiting_elsewhere(
    watch: LoopWatch,
    pending: Iterable[concurrent.futures.Future],
    waits: Callable[[concurrent.futures.Future], bool] = someone_waits,
) -> bool | None:
    """For a probe's clock (`work.keep_clock`, a fake server's latency): whether the student's code, with the loop
    idle, waits for something else than the `pending` calls, which are held meanwhile. False while the loop is
    blocked (the student's code runs), or idle with someone waiting for one of them (`waits`). None while the loop's
    state is not known (`LoopWatch.loop_state`). With no call pending (work handed over some other way), only
    asyncio.sleep counts (`LoopWatch.waiting_on_the_clock`)."""
    state = watch.loop_state()
    if state != "idle":
        return None if state is None else False
    pending = list(pending)
    if not pending:
        return watch.waiting_on_the_clock()
    return not any(waits(future) for future in pending)
