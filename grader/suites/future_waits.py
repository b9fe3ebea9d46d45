"""How exercise 01's checks wait for what the student's code started, and what they conclude from the time it took.

- `outcome`: wait until a future the student's call returned is done, or plainly never will be (every task of the
  student's has ended and no timer of theirs is due), raising at once the error a task of theirs ended with.
- `blocked_fail` and `waited_twice`: a short wait (DELAY) only raises a suspicion, of a blocked loop or of a call
  that waits twice its delay; a longer one (CONFIRM) must confirm it before the check fails, so a correct solution
  never pays for the second wait and a busy machine does not fail it.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from grader.catalog import PACKAGE_DIR
from grader.probes.futures import TICK, count_ticks_while, timer_due, wake_sleepers
from grader.probes.loop_watch import LoopWatch
from grader.suites.future_mistakes import misplaced_arguments
from grader.testing import fail, student, where

ex = student("exercises.ex01_futures")

DELAY = 0.05
"""The `delay` of the checks that wait: short, since exercise 01 must grade in well under a second. What a check
concludes from it never depends on the machine being quick: see CONFIRM, and the suite's OVERLAP_LIMIT."""
MIN_TICKS = 3
"""Fewer ticks than this in a wait, of about 10 due in DELAY and 40 in CONFIRM, and the loop looks blocked."""
CONFIRM = 4 * DELAY
"""The longer wait that must confirm a blocked loop before a check says so: a blocking wait blocks all of it, and a
machine busy enough to starve the ticker for most of 0.2 s is far busier than one that does it for 0.05 s. Only a
solution that looks blocking pays for it."""
GRACE = 10 * DELAY
"""Seconds a future may still take to be set once every task of the student's has ended (by a timer or callback the
last one scheduled): ten times the longest `delay` of the checks; a future not set by then is never set. Cut short
once no such timer is due by then (`timer_due`), after SETTLE: a solution that forgot to set the future, or to schedule
its task, is told so at once."""
SETTLE = 2 * TICK
"""Seconds of GRACE always waited: the callbacks made ready when the last task ended run meanwhile."""
HURRY = 2 * DELAY
"""Seconds after which a check whose claim is not about time wakes the student's sleeping tasks (`wake_sleepers`):
a correct solution is done long before, and one that sleeps a fixed second costs a second only in the checks that
time it."""
LATE = 1.9
"""A request of DELAY answered LATE * DELAY or more after the call may have waited twice (two sleeps of `delay`, one
after the other): a check then asks again with CONFIRM, and fails only if that one takes LATE * CONFIRM too. The
loop's clock never fires a timer early, so two waits always take that long; a correct request is that late only if
its timer ran 0.9 of its delay late, 45 ms and then 180 ms, more than a busy machine makes it (see CONFIRM)."""
GRADER_DIR = str(PACKAGE_DIR) + os.sep
"""The grader package: a task whose coroutine is defined under it is the grader's, not the student's."""
NOT_BLOCKING = (
    "Wait with `await asyncio.sleep(delay)`: a wait that does not await (`time.sleep`, or a loop that checks the"
    " clock) stops every other coroutine on the loop."
)


def new_tasks(before: set) -> set:
    return asyncio.all_tasks() - before - {asyncio.current_task()}


async def tasks_started(before: set, future: object) -> set:
    """The tasks started since `before`, for a call that returned `future`: when there is none yet, those that the
    loop's next steps start, for a task made from a callback the call queued (`loop.call_soon(asyncio.create_task,
    ...)`) is a task all the same, one step later."""
    if not (tasks := new_tasks(before)) and asyncio.isfuture(future) and not future.done():
        for _ in range(2):
            await asyncio.sleep(0)
        tasks = new_tasks(before)
    return tasks


def settle(tasks: list[asyncio.Future]) -> None:
    """Cancel the check's own tasks (its calls of the student's functions) still running once it has its verdict, and
    mark the errors of those that ended as seen: asyncio would log them as "never retrieved" otherwise. Tasks the
    student's code started end with the check's event loop."""
    for task in tasks:
        if not task.cancel() and not task.cancelled():
            task.exception()


async def outcome(
    future: asyncio.Future,
    tasks: set,
    timeout: float = 2,
    given: BaseException | None = None,
    shown: str = "",
    hurry: float | None = None,
) -> float:
    """Wait until `future` is done, or `timeout` passes, or the tasks of the student's code have all ended and
    `GRACE` more seconds have passed without the future being set; return the seconds waited. `tasks` are the ones
    the student's call started; one of them that ends with an error raises it here: a set_future_value that raises
    (not implemented yet, say) explains why the future is never set, where a wait to the time limit would explain
    nothing. When that error is `given`, the exception the call `shown` was asked to fail its future with, the task
    raised it instead. After `hurry` seconds, when given, the student's tasks sleep no longer (see HURRY)."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    own = set(tasks) - {future}  # a call that returns its task: the future is that task, nothing to stop early for
    waiting: set[asyncio.Future] = {future, *own}
    ended_at = None
    yielded = False
    while not future.done() and (left := started + timeout - loop.time()) > 0:
        grace_from = None
        if not own and not students_tasks(future):
            # Nothing of the student's runs (a coroutine called but never scheduled, say): only a timer or a
            # thread could still set the future, and it would by GRACE; waiting on to the limit tells nothing more.
            grace_from = started
        elif own:
            # A task may hand the work on to one of its own, or to a timer: wait while any task of the student's
            # runs, then GRACE more for a timer or callback the last one scheduled.
            waiting |= students_tasks(future)
            if waiting == {future}:
                grace_from = ended_at = loop.time() if ended_at is None else ended_at
        if grace_from is not None:
            now = loop.time()
            # A call that returned its own task, not a future: that task runs the student's code, its sleep included.
            quiet = not isinstance(future, asyncio.Task) and not timer_due(loop, grace_from + GRACE)
            # Not before the loop has had a turn: a task that the call queued for the loop's next step
            # (run_coroutine_threadsafe, `loop.call_soon(asyncio.create_task, ...)`) is only made then, however long
            # a busy machine held this process up since `started`.
            if yielded and (now >= grace_from + GRACE or (now >= grace_from + SETTLE and quiet)):
                break
            left = min(left, max(0.0, grace_from + (SETTLE if now < grace_from + SETTLE else GRACE) - now))
        if hurry is not None:
            if loop.time() - started >= hurry:
                wake_sleepers(students_tasks(future))
                left = min(left, TICK)  # a task that sleeps again is woken again
            else:
                left = min(left, started + hurry - loop.time())
        done, waiting = await asyncio.wait(waiting, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        yielded = True
        for task in done & own:
            if not task.cancelled() and (error := task.exception()) is not None and not future.done():
                if error is given:
                    fail(
                        f"the task that {shown} started raised {error!r} itself, so the future was never set",
                        expected="the future ends with that exception: the task calls future.set_exception(exc)",
                        fix="In the task, call future.set_exception(exc) instead of `raise exc`: an exception raised"
                        " in a task stays in that task, which nobody awaits, and the future stays pending.",
                        at=where(error) or ex.make_failing_request,
                    )
                misplaced_arguments(error)
                raise error
    return loop.time() - started


def students_tasks(future: asyncio.Future) -> set[asyncio.Task]:
    """The running tasks of the loop that run the student's code, whatever started them: every task but the grader's
    own (the check, its helpers, the ticker) and `future` itself."""
    return {task for task in asyncio.all_tasks() if not _graders(task)} - {future, asyncio.current_task()}


def _graders(task: asyncio.Task) -> bool:
    code = getattr(task.get_coro(), "cr_code", None)
    return code is not None and os.path.realpath(code.co_filename).startswith(GRADER_DIR)


async def blocked_fail(
    ticks: int,
    again: Callable[[float], Awaitable[Any]],
    during: Callable[[float], str],
    blame: Callable[..., Any],
    *,
    root: Path,
) -> None:
    """Fail when the ticker ran fewer than MIN_TICKS times in a DELAY wait, and again in a CONFIRM wait, `again`
    (the check's call with that delay): the loop was blocked for most of both. LoopWatch watches the second wait, to
    name the blocking line: a stall of 0.2 s leaves its sampler time to see it, however busy the machine. `root` is
    the submission's folder, as the student's frames name it."""
    if ticks >= MIN_TICKS:
        return
    async with LoopWatch(root) as watching:
        _, ticks = await count_ticks_while(again(CONFIRM))
    if ticks >= MIN_TICKS:
        return
    stall = watching.report.worst()
    ran = "did not run once" if ticks == 0 else f"ran only {ticks} time(s)"  # not "ran only 0 time(s)"
    fail(
        f"a coroutine that should have ticked every {TICK} s {ran} {during(CONFIRM)}:"
        + (f" the {stall.describe()}" if stall is not None and stall.location else " the event loop was blocked"),
        expected="other coroutines keep running during the wait",
        fix=NOT_BLOCKING,
        at=(stall.location if stall is not None else None) or blame,
    )


async def waited_twice(first: float, again: Callable[[float], Awaitable[float]]) -> float | None:
    """The seconds that `again(CONFIRM)`, the check's call with a `delay` of CONFIRM, took until its future got its
    outcome, when `first`, the seconds the same call with DELAY took, and that one are both LATE times their delay
    or more: the call waits about twice its delay. None otherwise (a correct call pays for no second wait)."""
    if first < LATE * DELAY:
        return None
    took = await again(CONFIRM)
    return took if took >= LATE * CONFIRM else None
