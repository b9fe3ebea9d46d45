"""A pool's own time: what its machinery spends in the thread that calls it, which the student's code has no say in.

Making a pool, handing it a call (the first starts a worker thread or process) and shutting down a pool with no
call left (which ends idle workers) take a moment, and a busy machine makes that moment long: a thread took a
quarter of a second to start at load 15. When a check sums up how long the event loop stood still over a whole
call, it leaves that time out (`LoopReport.blocked_for(..., besides=upkeep.in_thread(loop_thread))`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import NamedTuple


class Span(NamedTuple):
    began: float
    """`time.monotonic()` as the pool's call began."""
    ended: float
    """`time.monotonic()` as it returned."""
    thread: int
    """`threading.get_ident()` of the thread that called it."""


class Upkeep:
    """The spans of a pool's own calls, recorded by the spies that wrap them."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    @contextlib.contextmanager
    def timing(self) -> Iterator[None]:
        """Record the span of the `with` block's body as upkeep of the calling thread, even if it raises."""
        began = time.monotonic()
        try:
            yield
        finally:
            self.spans.append(Span(began, time.monotonic(), threading.get_ident()))

    def in_thread(self, thread: int) -> list[tuple[float, float]]:
        """The (began, ended) of every span that `thread` spent in upkeep, in the order they began."""
        return [(span.began, span.ended) for span in self.spans if span.thread == thread]
