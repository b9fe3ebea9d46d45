"""`with` on what only `async with` takes, and the other way round: Python names the type it refused, which says
which fix is due."""

from __future__ import annotations

import re

from grader.asyncio_mistakes.frames import callers_frame

REQUEST_NEEDS_ASYNC_WITH = (
    "aiohttp's session.get(...) is an asynchronous context manager: write `async with session.get(url) as"
    " response:`. `async with` awaits the answer as the block opens and releases it as the block ends; a plain"
    " `with` cannot wait."
)
REQUEST_CONTEXT_MANAGERS = ("_BaseRequestContextManager", "_RequestContextManager")
"""What session.get(...) returns: aiohttp 3.13's class, and the subclass older releases return."""
ASYNC_CONTEXT_MANAGERS = {
    **dict.fromkeys(REQUEST_CONTEXT_MANAGERS, REQUEST_NEEDS_ASYNC_WITH),
    **{
        name: f"asyncio's {name} is an asynchronous context manager: write `async with`, inside a coroutine."
        for name in ("Lock", "Semaphore", "BoundedSemaphore", "Condition", "TaskGroup", "Timeout")
    },
    **dict.fromkeys(
        ("_UnixSelectorEventLoop", "_WindowsSelectorEventLoop", "ProactorEventLoop", "SelectorEventLoop"),
        "An event loop is no context manager, so `with` cannot close it: `loop = asyncio.new_event_loop()`, then"
        " `try: ... finally: loop.close()`, or `with contextlib.closing(asyncio.new_event_loop()) as loop:`.",
    ),
}
"""Objects that only `async with` takes (and event loops, which no `with` takes), by the type name that `with` names
when it refuses them."""
SYNC_CONTEXT_MANAGERS = {
    **{
        name: f"A {name} is a plain context manager: `with {name}() as pool:`, without `async`. Inside the block,"
        " `await` what run_in_executor returns."
        for name in ("ProcessPoolExecutor", "ThreadPoolExecutor")
    },
    "Session": "requests.Session is a plain context manager, `with requests.Session() as session:`, without `async`.",
}
"""Objects that only a plain `with` takes, by the type name that `async with` names when it refuses them."""
NOT_A_CONTEXT_MANAGER = re.compile(
    r"'(?P<kind>\w+)' object does not support the (?P<asynchronous>asynchronous )?context manager protocol"
)
_CLASS_IN_WITH = re.compile(r"\b(?P<keyword>(?:async\s+)?with)\s+(?P<name>[\w.]+)\s*(?:as\b|:|,)")


def with_fix(exc: BaseException, refused: re.Match[str]) -> str | None:
    """The fix for the object that `with` (or `async with`) refused, as NOT_A_CONTEXT_MANAGER matched its message."""
    if refused["kind"] == "type":
        return _class_not_called(exc)
    if refused["asynchronous"]:
        return SYNC_CONTEXT_MANAGERS.get(refused["kind"])
    return ASYNC_CONTEXT_MANAGERS.get(refused["kind"])  # Python 3.11+; 3.10 says only "AttributeError: __enter__"


def _class_not_called(exc: BaseException) -> str | None:
    """For `async with aiohttp.ClientSession as session:`, the parentheses forgotten: `with` was handed the class,
    not an object of it. Read from the student's line; None when it says otherwise."""
    _, line = callers_frame(exc)
    if (found := _CLASS_IN_WITH.search(line)) is None:
        return None
    name, keyword = found["name"], " ".join(found["keyword"].split())
    return f"`{name}` is the class itself, not an object of it: call it, `{keyword} {name}() as ...:`."
