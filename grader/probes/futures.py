"""Evidence about futures that does not depend on the clock's precision (exercise 01).

- `count_ticks_while`: how often a ticker coroutine ran while something was awaited; a loop blocked by a
  `time.sleep` lets it run hardly at all, however busy the machine.
- `settling`: which task, if any, completed a future, and at what loop time: a task the student's call started,
  or a timer or done callback, or a task that was already running.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
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
