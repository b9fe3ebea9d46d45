"""Sets that list the student's futures and tasks backwards, every time (exercises 04, 05 and 06).

A set has no order. `done, pending = await asyncio.wait(futures)` hands back sets, and a solution that reads its
results from `done` gets them in the order the futures' hashes put them: their memory addresses, the order they
were made in often enough for such a solution to pass now and then. Inside `backwards_in_sets(loop)` every future
the loop makes (`loop.create_future()`, which `run_in_executor` and `asyncio.wrap_future` use) and every task it
makes (through a task factory) hashes to a large power of two minus the order it was made in (1, 2, 3, ...). A
set puts an element at the slot given by the low bits of its hash, and lists its slots in ascending order, so a
set of them lists the later ones first: read from a set, results come back in the reverse of the order of the
calls (of ns, of urls), on every run and every Python from 3.10 to 3.14. That holds while the numbers stay below
the set's table size (eight slots for up to four elements, 32 for five), hence one context for each call of the
student's function.

Nothing else changes: such a future or task equals only itself, as any does, and behaves as asyncio's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Iterator
from typing import Any

TOP = 1 << 60
"""The hashes count down from here: its low bits are all zero, so `TOP - k` sits at slot `size - k`."""


class Future(asyncio.Future):
    """Named as asyncio's own, since its name shows in reprs the student may read (`<Future pending>`)."""

    def __init__(self, *, loop: asyncio.AbstractEventLoop, rank: int) -> None:
        self._grader_rank = rank  # before the base class sees the object: its hash never changes
        super().__init__(loop=loop)

    def __hash__(self) -> int:
        return TOP - self._grader_rank


class Task(asyncio.Task):
    """Named as asyncio's own, as `Future` is."""

    def __init__(self, coro: Any, *, rank: int, **kwargs: Any) -> None:
        self._grader_rank = rank  # before the base class registers the task in asyncio's weak set of tasks
        super().__init__(coro, **kwargs)

    def __hash__(self) -> int:
        return TOP - self._grader_rank


@contextlib.contextmanager
def backwards_in_sets(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """Within: the futures and tasks `loop` makes list backwards in a set (see the module's docstring). A loop that
    already has a task factory keeps it, and its tasks their usual hash."""
    futures, tasks = itertools.count(1), itertools.count(1)
    patched = "create_future" not in vars(loop)
    if patched:
        loop.create_future = lambda: Future(loop=loop, rank=next(futures))  # type: ignore[method-assign]
    factory = loop.get_task_factory()
    if factory is None:
        loop.set_task_factory(lambda loop, coro, **kwargs: Task(coro, loop=loop, rank=next(tasks), **kwargs))
    try:
        yield
    finally:
        if patched:
            del loop.create_future
        if factory is None:
            loop.set_task_factory(None)
