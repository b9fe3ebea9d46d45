"""Evidence about futures that does not depend on the clock's precision (exercise 01).

- `count_ticks_while`: how often a ticker coroutine ran while something was awaited; a loop blocked by a
  `time.sleep` lets it run hardly at all, however busy the machine.
- `settling`: which task, if any, completed a future, and at what loop time: a task the student's call started,
  or a timer or done callback, or a task that was already running.
- `timer_due`: whether a timer that no running task waits on (a `call_later`, say) could still fire soon.
- `wake_sleepers`: the controlled clock of the checks whose claim is not about time: a task's `asyncio.sleep`
  ends now instead of when it is due.
- `sleeps_asked`: what the student's code asks asyncio.sleep for on the way to a future's outcome: a delay rounded
  or slept in fixed steps shows in the numbers, where a stopwatch sees it only when it is long enough.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import sys
from asyncio import futures, tasks
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from types import FrameType, ModuleType
from typing import Any, TypeVar

T = TypeVar("T")

TICK = 0.005
"""How often the ticker of `count_ticks_while` asks to run: about 10 times in a 0.05 s wait, 40 in 0.2 s."""


async def count_ticks_while(awaitable: Awaitable[T], interval: float = TICK) -> tuple[T, int]:
    """Await `awaitable` while a ticker coroutine counts how often the loop let it run."""
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(interval)
            ticks += 1

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    try:
        value = await awaitable
    finally:
        ticking.cancel()
    return value, ticks


@dataclass(frozen=True)
class Settled:
    """The moment a future got its outcome."""

    task: asyncio.Task | None
    """The task running then; None when a plain callback (a `call_later` timer, a done callback) set it."""
    at: float
    """`loop.time()` then: the loop's own clock, which never runs ahead of a timer, so a sound lower bound."""


@contextlib.contextmanager
def settling(future: asyncio.Future) -> Iterator[list[Settled]]:
    """Record who completes `future` (set_result, set_exception or cancel) and when, at that very moment.

    The C future has no hook to spy on, but `set_result` and its siblings hand each done callback to
    `loop.call_soon` before they return, still inside the caller: a callback of ours seen there tells which task,
    if any, was running. A done callback cannot tell by itself: it runs later, outside every task. The loop is
    patched on the instance only, for the check's own loop, and put back afterwards.
    """
    loop = future.get_loop()
    seen: list[Settled] = []

    def marker(_: asyncio.Future) -> None:
        pass

    patched = vars(loop).get("call_soon")
    schedule = loop.call_soon

    def call_soon(callback: Callable[..., Any], *args: Any, **kwargs: Any) -> asyncio.Handle:
        if callback is marker:
            seen.append(Settled(asyncio.current_task(loop), loop.time()))
        return schedule(callback, *args, **kwargs)

    loop.call_soon = call_soon  # type: ignore[method-assign]
    future.add_done_callback(marker)
    try:
        yield seen
    finally:
        future.remove_done_callback(marker)
        if patched is None:
            del loop.call_soon
        else:
            loop.call_soon = patched  # type: ignore[method-assign]


def settled_at(settled: list[Settled], loop: asyncio.AbstractEventLoop) -> float:
    """When the future got its outcome; where `settling` heard nothing (see `setter_problem`), when we saw it."""
    return settled[0].at if settled else loop.time()


def setter_problem(settled: list[Settled], before: set) -> str | None:
    """What is wrong with who set the future, or None when a task started by the student's call did."""
    if not settled:  # a Python whose futures no longer go through loop.call_soon (3.10 to 3.14 do): no evidence
        return None
    task = settled[0].task
    if task is None:
        return (
            "the future got its outcome from a plain callback (such as loop.call_later or a done callback), "
            "while no task was running"
        )
    if task in before:
        return f"the future got its outcome from {task.get_name()}, a task that was already running before the call"
    return None


_SLEEP_TIMER = getattr(futures, "_set_result_unless_cancelled", None)
"""What the timer of `asyncio.sleep` calls, on 3.10 to 3.14: a later Python without it only makes the checks wait."""


def timer_due(loop: asyncio.AbstractEventLoop, until: float) -> bool:
    """Whether a timer of `loop` is due by `until` (loop time) that no running task is waiting on: one a callback or
    a task that has ended scheduled, with `call_later` say, which could still set a future. The timers of tasks'
    own waits (`asyncio.sleep`, `asyncio.wait`) do not count. A loop without `_scheduled` has one, to be safe."""
    scheduled = getattr(loop, "_scheduled", None)
    if scheduled is None:
        return True
    waited_on = {id(getattr(task, "_fut_waiter", None)) for task in asyncio.all_tasks(loop)}
    own_waits = {_SLEEP_TIMER, getattr(tasks, "_release_waiter", None)} - {None}
    for timer in scheduled:
        if timer.cancelled() or timer.when() > until:
            continue
        args = getattr(timer, "_args", None) or ()
        if getattr(timer, "_callback", None) in own_waits and args and id(args[0]) in waited_on:
            continue
        return True
    return False


def wake_sleepers(running: Iterable[asyncio.Task]) -> int:
    """End now the `asyncio.sleep` that each of `running` is suspended in, as if its time had come; return how many.

    For the checks whose claim is not about time: a set_future_value that sleeps the lesson's fixed second instead of
    `delay` fails the checks that time it, and costs the others that second no more. Only the timer of a sleep is
    fired, the one `asyncio.sleep` schedules to wake its own future, so every other wait (a `call_later` timer, a
    future nobody sets, a loop blocked by `time.sleep`) keeps its meaning. A loop without `_scheduled` (not asyncio's
    own) wakes nothing: the checks then only wait longer.
    """
    woken = 0
    for task in running:
        waiter = getattr(task, "_fut_waiter", None)
        loop = task.get_loop()
        if waiter is None or waiter.done():
            continue
        for timer in getattr(loop, "_scheduled", ()):
            callback, args = getattr(timer, "_callback", None), getattr(timer, "_args", None) or ()
            if callback is _SLEEP_TIMER and args and args[0] is waiter:
                timer.cancel()  # clears its callback and arguments: called from the copies taken above
                callback(*args)
                woken += 1
                break
    return woken


_SLEEP = asyncio.sleep


@dataclass(frozen=True)
class Asked:
    """One call of asyncio.sleep by the student's code."""

    delay: float
    line: int
    """The student's line that called it, and its function's name."""
    function: str


@contextlib.contextmanager
def sleeps_asked(future: asyncio.Future, module: ModuleType) -> Iterator[list[Asked]]:
    """Record each call of asyncio.sleep that `module`'s code makes on the way to `future`'s outcome: while
    `future` is not done, from a coroutine of `module`'s file that holds `future` in a local, or that is awaited,
    however deeply, by one that does (a helper that sleeps for it). asyncio.sleep is replaced by a function that
    notes the call and hands back asyncio's own coroutine, under its own name and under every name `module` bound
    it to, and put back afterwards. A delay that is not a number is not noted: asyncio.sleep raises for it."""
    asked: list[Asked] = []
    student_file = os.path.realpath(getattr(module, "__file__", None) or "")

    @functools.wraps(_SLEEP)
    def sleep(*args: Any, **kwargs: Any) -> Any:
        caller = sys._getframe(1)
        delay = args[0] if args else kwargs.get("delay")
        number = isinstance(delay, (int, float)) and not isinstance(delay, bool)
        if number and not future.done() and _on_the_way(caller, future, student_file):
            asked.append(Asked(float(delay), caller.f_lineno, caller.f_code.co_name))
        return _SLEEP(*args, **kwargs)

    places = [(asyncio, "sleep")] + [(module, name) for name, value in vars(module).items() if value is _SLEEP]
    for owner, name in places:
        setattr(owner, name, sleep)
    try:
        yield asked
    finally:
        for owner, name in places:
            setattr(owner, name, _SLEEP)


def _on_the_way(caller: FrameType, future: asyncio.Future, student_file: str) -> bool:
    """Whether `caller`, a frame of the student's file, or a frame of that file that awaits it, holds `future`."""
    if os.path.realpath(caller.f_code.co_filename) != student_file:
        return False
    frame: FrameType | None = caller
    for _ in range(50):  # a chain of awaits is never that deep in an exercise; a guard, not a limit met
        if frame is None:
            return False
        if os.path.realpath(frame.f_code.co_filename) == student_file:
            if any(value is future for value in list(frame.f_locals.values())):
                return True
        frame = frame.f_back
    return False
