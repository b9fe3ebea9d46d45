"""An instrument for exercise 07: did the student's loop wait for the pending tasks, or only for time to pass?

`IdleGate` holds the checks' tasks back until their loop shows, by how it waits (see its docstring), that it is
waiting for them; the verdict then owes nothing to a grace period's length or to how busy the machine is. It
watches the selector of CPython's `BaseSelectorEventLoop` (3.10 to 3.14) and opens at once on any other loop.
"""

from __future__ import annotations

import asyncio
from typing import Any

BUSY_POLLS = 50
"""Iterations of the loop that wait for nothing, after which a closed `IdleGate` opens: a few happen in any wait
(each callback that is ready makes one), fifty only in a loop that polls for the tasks without ever sleeping."""


class IdleGate:
    """What the pending tasks of the checks wait for first: it opens only when their loop shows it is waiting for
    them, and not for the time to pass.

    Waiting for the tasks (`asyncio.wait(pending)`, `gather`) leaves the loop nothing to do but wait with no timer
    set: its selector is asked to wait for ever, and the gate opens then. A loop that waits only for a timer (a
    fixed grace period: one `asyncio.sleep(0.5)`, or `wait(..., timeout=)`) has its clock moved on instead, so the
    grace is over at once, the tasks are still behind the gate, and the verdict owes nothing to how long the grace
    is or how busy the machine. A second wait for a timer opens the gate too: a loop that polls (`while
    all_tasks(loop): run_until_complete(asyncio.sleep(0.1))`) is waiting for the tasks, only slowly; and so do
    many iterations that wait for nothing at all (`run_until_complete(asyncio.sleep(0))` or `stop()` then
    `run_forever()` in a loop): a busy poll, but a wait for the tasks all the same. A grace period is one wait.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.future = loop.create_future()
        self._loop = loop
        self._selector = getattr(loop, "_selector", None)  # BaseSelectorEventLoop's, 3.10 to 3.14
        self._timed_waits = 0
        self._busy_polls = 0
        self._skipped = 0.0
        if not callable(getattr(self._selector, "select", None)):
            self.open()  # a loop we cannot watch: the check is weaker, and a correct solution never hangs
            return
        clock = loop.time
        loop.time = lambda: clock() + self._skipped  # type: ignore[method-assign]
        loop._selector = _GatedSelector(self._selector, self)  # type: ignore[attr-defined]

    @property
    def opened(self) -> bool:
        return self.future.done()

    def open(self) -> None:
        if not self.future.done():
            self.future.set_result(None)
        if isinstance(getattr(self._loop, "_selector", None), _GatedSelector):
            self._loop._selector = self._selector  # type: ignore[attr-defined]

    def before_select(self, timeout: float | None) -> float | None:
        """The timeout the loop really waits with; called on the loop's thread, before its callbacks run."""
        if self.opened:
            return timeout
        if timeout is None:
            self.open()  # the callbacks of the future run in this same iteration of the loop
            return 0
        if timeout > 0:
            self._timed_waits += 1
            self._skipped += timeout
            if self._timed_waits >= 2:
                self.open()
            return 0
        self._busy_polls += 1
        if self._busy_polls >= BUSY_POLLS:
            self.open()
        return timeout


class _GatedSelector:
    """The loop's selector, with `IdleGate.before_select` between the loop and each wait."""

    def __init__(self, selector: Any, gate: IdleGate) -> None:
        self._selector = selector
        self._gate = gate

    def select(self, timeout: float | None = None) -> Any:
        return self._selector.select(self._gate.before_select(timeout))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._selector, name)
