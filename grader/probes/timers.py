"""The timers a student's code sets on the running loop, and a wait for them to fire: exercise 06's evidence that
fetch_all waited a fixed time instead of waiting for its requests.

A fetch_all that starts its requests, then sleeps a while (`asyncio.sleep(1.5)`, `asyncio.wait(tasks, timeout=1.5)`)
and reads the results gets them from a server quicker than its wait, and no stopwatch tells it from one that awaits
them. So the server holds its answers until every timer of the student's code that falls due within the call's
time limit has fired and their code has run on from it: a wait for the requests is still waiting then, a fixed wait is
over with the requests unanswered, whatever the machine's load. A correct fetch_all sets no timer, and its answers
come at once; one due after the limit (a generous timeout of its own) is not waited for.

Every timer goes through `loop.call_at` (`call_later`, `asyncio.sleep`, the timeouts of `asyncio.wait`, `wait_for`
and `asyncio.timeout` alike), which is replaced on the one loop for the call. A timer is the student's when the
nearest caller outside asyncio is a line of their exercise files: the grader's own timers, and aiohttp's, are not.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import Any

from grader.model import Location
from grader.testing import line_of

_ASYNCIO = os.path.dirname(asyncio.__file__) + os.sep
SETTLING_TURNS = 100
"""Turns of the loop a wait gives the student's code to go as far as it goes before it looks at their timers: a few
are enough for any code that then waits on something; a loop that polls with `asyncio.sleep(0)` never settles."""
LATE_MARGIN = 0.5
"""Seconds past the last timer's due time after which a wait ends anyway, should one have been cancelled meanwhile."""


@dataclass
class Timer:
    """One timer of the student's code."""

    at: Location
    """The student's line that set it (`await asyncio.sleep(1.5)`, `await asyncio.wait(tasks, timeout=1.5)`)."""
    delay: float
    """Seconds from when it was set to when it falls due."""
    handle: asyncio.TimerHandle | None = None
    fired: asyncio.Future[None] | None = None
    """Done once its callback has run."""
    waited_for: bool = field(default=False)
    """Whether a wait of `StudentTimers.fired` held something back until this timer fired."""


class StudentTimers:
    """Use as `with StudentTimers(loop) as timers:` around a call of the student's code on `loop`."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.timers: list[Timer] = []
        self.holding = 0
        """The waits of `fired` that have not returned: the answers they hold back, those of requests cancelled
        meanwhile included (they never got theirs)."""
        self._round: asyncio.Future[None] | None = None

    def __enter__(self) -> StudentTimers:
        original = self._loop.call_at

        def call_at(when: float, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> asyncio.TimerHandle:
            at = _set_by_the_student(sys._getframe(1))
            if at is None:
                return original(when, callback, *args, **kwargs)
            timer = Timer(at, when - self._loop.time(), fired=self._loop.create_future())

            def firing(*args: Any) -> None:
                try:
                    callback(*args)
                finally:  # after the callback: the student's code, woken by it, runs on before the wait does
                    if timer.fired is not None and not timer.fired.done():
                        timer.fired.set_result(None)

            timer.handle = original(when, firing, *args, **kwargs)
            self.timers.append(timer)
            return timer.handle

        self._loop.call_at = call_at  # type: ignore[method-assign]
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        vars(self._loop).pop("call_at", None)
        if self._round is not None:
            self._round.cancel()  # still waiting for a timer of code that ended before it fell due: no task left over

    @property
    def waited_for(self) -> list[Timer]:
        """The timers that a wait of `fired` held something back for, until they fired."""
        return [timer for timer in self.timers if timer.waited_for]

    async def fired(self, before: float) -> None:
        """Return once the student's code, gone as far as it goes, has had every timer it then had pending, due before
        `before` (the loop's time), fire (or cancelled it), and has run on from there. One round only, which every
        call waits for (a later one returns at once): a timer the code sets after those is a poll that waits for the
        requests, only slowly (as `IdleGate` takes a second timed wait), and waiting for that one too would hold the
        answers until the call's time limit."""
        self.holding += 1
        if self._round is None:
            self._round = asyncio.ensure_future(self._one_round(before))
        await asyncio.shield(self._round)  # a request cancelled while held leaves the round to the others
        self.holding -= 1  # not when cancelled: that answer was never given

    async def _one_round(self, before: float) -> None:
        await self._settled()
        due = [
            timer
            for timer in self.timers
            if timer.handle is not None
            and timer.fired is not None
            and not timer.fired.done()
            and not timer.handle.cancelled()
            and timer.handle.when() < before
        ]
        if not due:
            return
        for timer in due:
            timer.waited_for = True
        last = max(timer.handle.when() for timer in due if timer.handle is not None)
        # A timer cancelled meanwhile never fires: the wait ends a little after the last was due, whatever happens.
        limit = max(last - self._loop.time(), 0.0) + LATE_MARGIN
        await asyncio.wait([timer.fired for timer in due if timer.fired is not None], timeout=limit)
        await self._settled()

    async def _settled(self) -> None:
        """Let the loop run until nothing but this coroutine is ready: the student's code then waits on something."""
        ready = getattr(self._loop, "_ready", None)  # BaseEventLoop's queue of ready callbacks, 3.10 to 3.14
        for _ in range(SETTLING_TURNS):
            await asyncio.sleep(0)
            if not ready:
                return


def _set_by_the_student(frame: FrameType | None) -> Location | None:
    """The student's line that set a timer, when the nearest caller of `loop.call_at` outside asyncio is theirs."""
    while frame is not None and frame.f_code.co_filename.startswith(_ASYNCIO):
        frame = frame.f_back
    return line_of(frame) if frame is not None else None
