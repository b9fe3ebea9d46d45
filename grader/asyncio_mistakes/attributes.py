"""An attribute of a result read from the awaitable that would give it: the `await` missing, or placed where
Python applies it to the attribute (`await x.status_code`)."""

from __future__ import annotations

import asyncio
import difflib
import inspect
import re
from types import CoroutineType

from grader.asyncio_mistakes.context_managers import REQUEST_CONTEXT_MANAGERS
from grader.asyncio_mistakes.frames import innermost_line

AWAITABLES = {
    "_asyncio.Future": ("the future", "loop.run_in_executor(...)"),
    "Future": ("the future", "loop.run_in_executor(...)"),  # asyncio's Python class, or a subclass of either
    "_asyncio.Task": ("the task", "task"),
    "Task": ("the task", "task"),
    "coroutine": ("the coroutine object", "work(...)"),
}
"""The awaitables an attribute can be looked up on too soon, by the type name an AttributeError gives: what to
call each, and the expression that makes one in an example."""
_NO_SUCH_ATTRIBUTE = re.compile(r"'(?P<kind>[\w.]+)' object has no attribute '(?P<name>\w+)'")
_OWN_ATTRIBUTES = [a for a in {*dir(asyncio.Future), *dir(asyncio.Task), *dir(CoroutineType)} if a[0] != "_"]


def awaited_after_the_attribute(exc: AttributeError, message: str) -> str | None:
    """The fix for `await x.status_code`, which reads the attribute from the awaitable `x` before awaiting (`await`
    applies to all that follows it): only when the line that raised awaits that attribute, and the name is not a
    slip of the awaitable's own methods (`await task.resutl()`)."""
    match = _NO_SUCH_ATTRIBUTE.match(message)
    if match is None or match["kind"] not in AWAITABLES or _slip_of(match["name"]):
        return None
    line = innermost_line(exc)
    name = match["name"]
    if not re.search(rf"\bawait\b.*\.{name}\b", line):
        return None
    what, example = AWAITABLES[match["kind"]]
    return (
        f"`await x.{name}` awaits `x.{name}`: Python reads `.{name}` from {what} itself, which has none, before"
        f" anything is awaited. Put the await in parentheses, `(await {example}).{name}`, or await on one line,"
        f" `result = await {example}`, and read `result.{name}` on the next."
    )


def read_from_an_awaitable(exc: BaseException) -> bool:
    """Whether `exc` is an attribute looked up on an awaitable (Python 3.10+ keeps the object on the exception): an
    await missing or misplaced, which the fix for it names; the coroutine left unawaited by it needs no second
    word."""
    return isinstance(exc, AttributeError) and inspect.isawaitable(getattr(exc, "obj", None))


def read_before_awaiting(exc: AttributeError) -> str | None:
    """The fix for `response = loop.run_in_executor(...)` (or `session.get(url)`, or `work(...)`) then
    `response.status_code`: an attribute of the result read from the awaitable that would give it, which was never
    awaited. Python 3.10+ keeps that object on the exception (`exc.obj`); a slip of the awaitable's own methods
    (`task.resutl()`) is left to Python's message."""
    obj, name = getattr(exc, "obj", None), getattr(exc, "name", None)
    if not name or not read_from_an_awaitable(exc) or _slip_of(name):
        return None
    line = innermost_line(exc)
    holder = re.search(rf"(\w+)\.{re.escape(name)}\b", line)  # getattr(obj, "any text") names anything
    held = holder[1] if holder else "result"
    it = f"`{held}`" if holder else "that object"
    if type(obj).__name__ in REQUEST_CONTEXT_MANAGERS:
        return (
            f"{it} is what session.get(url) gives: a request not sent yet, not its response, so it has no"
            f" `.{name}`. Send it and open the response with `async with session.get(url) as response:`, and read"
            f" `response.{name}` inside the block."
        )
    if isinstance(obj, asyncio.Task):
        return f"{it} is a task, whose result comes when it is done: `result = await {held}`, then `result.{name}`."
    if inspect.iscoroutine(obj):
        what, made_by = "a coroutine object: calling an async def function only makes one", f"{obj.__name__}(...)"
    elif asyncio.isfuture(obj):
        what, made_by = "a future, whose result is not there yet", "loop.run_in_executor(...)"
    else:
        return f"{it} is an awaitable ({type(obj).__name__}), not what it gives: `await` it for that."
    return f"{it} is {what}. Put `await` where it is made, `{held} = await {made_by}`, and `{held}.{name}` works."


def _slip_of(name: str) -> bool:
    return bool(difflib.get_close_matches(name, _OWN_ATTRIBUTES, cutoff=0.8))
