"""asyncio's names that a newer Python has and this one lacks: Python's own message reads as a typo."""

from __future__ import annotations

import asyncio
import re
import sys

NEWER_ASYNCIO = {
    "TaskGroup": ((3, 11), "start the tasks with `asyncio.create_task(...)` and wait for them with `asyncio.gather`"),
    "timeout": ((3, 11), "bound the wait with `await asyncio.wait_for(awaitable, seconds)`"),
    "timeout_at": ((3, 11), "bound the wait with `await asyncio.wait_for(awaitable, seconds)`"),
    "Runner": (
        (3, 11),
        "run the coroutine on a loop of your own, `loop = asyncio.new_event_loop()`, then"
        " `loop.run_until_complete(coro)`, with `loop.close()` in a `finally:` (`loop.set_debug(True)` for"
        " `debug=True`)",
    ),
}
"""asyncio's names that the exercises' texts mention (TaskGroup, in 04 and 05) or a reader of today's docs reaches
for, but that the oldest Python the kit supports lacks: the version that brought each, and what does the same
before it. `Runner`'s way round is the loop made by hand, which 09 accepts and 07 asks for."""


def newer_than_this_python(exc: AttributeError) -> str | None:
    """The fix for `asyncio.TaskGroup` (say) on a Python that has none: Python's own message reads as a typo.
    Python 3.10+ keeps the module and the name on the exception."""
    if isinstance(getattr(exc, "obj", None), asyncio.Queue) and exc.name == "shutdown" and sys.version_info < (3, 13):
        return _newer("Queue.shutdown()", (3, 13), "end the consumers with a sentinel put on the queue, or cancel them")
    if getattr(exc, "obj", None) is not asyncio:
        return None
    return newer_asyncio(getattr(exc, "name", None) or "")


_NEWER_USES = (
    (
        TypeError,
        re.compile(r"'async for' requires an object with __aiter__ method, got generator"),
        "as_completed(",
        "`async for` over asyncio.as_completed(...)",
        (3, 13),
        "`for next_done in asyncio.as_completed(aws):` then `result = await next_done`",
    ),
    (
        TypeError,
        re.compile(r"run\(\) got an unexpected keyword argument 'loop_factory'"),
        "",
        "asyncio.run(..., loop_factory=...)",
        (3, 12),
        "make the loop yourself, `loop = asyncio.new_event_loop()`, and run the coroutine with"
        " `loop.run_until_complete(...)`",
    ),
)
"""Uses that a newer Python allows and this one refuses with words that read as a mistake: the exception, its words,
what the student's line holds, the use, the version that brought it, and what does the same before it."""


def newer_use(exc: BaseException, line: str) -> str | None:
    """The fix for a use of asyncio that only a newer Python allows (`async for` over as_completed, 3.13), raised at
    the student's `line`."""
    for kind, says, written, use, version, instead in _NEWER_USES:
        if isinstance(exc, kind) and says.search(str(exc)) and written in line and sys.version_info < version:
            return _newer(use, version, instead)
    return None


def _newer(use: str, version: tuple[int, int], instead: str) -> str:
    this = ".".join(map(str, sys.version_info[:2]))
    wanted = ".".join(map(str, version))
    return (
        f"{use} is new in Python {wanted}, and this is Python {this}: {instead}, or grade with Python {wanted} or"
        " newer."
    )


_CANNOT_IMPORT = re.compile(r"cannot import name '(?P<name>\w+)' from 'asyncio'")


def newer_asyncio_import(exc: BaseException) -> str | None:
    """The fix for `from asyncio import TaskGroup` (say) at the top of a file, on a Python that has none."""
    if not isinstance(exc, ImportError) or (found := _CANNOT_IMPORT.match(str(exc))) is None:
        return None
    return newer_asyncio(found["name"])


def newer_asyncio(name: str) -> str | None:
    """What to say of asyncio's `name` when this Python lacks it and a newer one has it (NEWER_ASYNCIO)."""
    if name not in NEWER_ASYNCIO or hasattr(asyncio, name):
        return None
    version, instead = NEWER_ASYNCIO[name]
    return _newer(f"asyncio.{name}", version, instead)


_EXCEPT_STAR = re.compile(r"\s*except\s*\*")


def newer_syntax(exc: SyntaxError) -> str | None:
    """The fix for `except*` on Python 3.10, which calls it only "invalid syntax": the line reads as a typo there."""
    if sys.version_info >= (3, 11) or not _EXCEPT_STAR.match(exc.text or ""):
        return None
    this = ".".join(map(str, sys.version_info[:2]))
    return (
        f"`except*` is new in Python 3.11, and this is Python {this}: let `asyncio.gather` raise the first exception"
        " as it is, caught with a plain `except` if at all, or grade with Python 3.11+"
    )
