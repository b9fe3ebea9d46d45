"""`with` on what only `async with` takes, and the other way round: Python names the type it refused, which says
which fix is due."""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from types import FrameType

from grader.asyncio_mistakes.frames import callers_frame, named

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
    return ASYNC_CONTEXT_MANAGERS.get(refused["kind"])  # Python 3.11+; 3.10's words: refused_by_with_on_310


def _class_not_called(exc: BaseException) -> str | None:
    """For `async with aiohttp.ClientSession as session:`, the parentheses forgotten: `with` was handed the class,
    not an object of it. Read from the student's line; None when it says otherwise."""
    _, line = callers_frame(exc)
    if (found := _CLASS_IN_WITH.search(line)) is None:
        return None
    name, keyword = found["name"], " ".join(found["keyword"].split())
    return f"`{name}` is the class itself, not an object of it: call it, `{keyword} {name}() as ...:`."


_LOOP_MAKERS = ("new_event_loop", "get_event_loop", "get_running_loop")
_REQUEST_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request")


def refused_by_with_on_310(exc: AttributeError) -> str | None:
    """Python 3.10's words for a `with` that refused its object, `AttributeError: __enter__` (`__aenter__` under
    `async with`), name neither the object nor its type, which 3.11+ do and with_fix reads: read the object's type
    from the student's `with` line and frame instead, evaluating nothing, and give the fix 3.11+ get. A
    `getattr(x, "__enter__")` says "'X' object has no attribute", and an AttributeError of 3.11+ keeps its name:
    neither is this."""
    if exc.args not in (("__enter__",), ("__aenter__",)) or getattr(exc, "name", None) is not None:
        return None
    frame, line = callers_frame(exc)
    asynchronous = exc.args[0] == "__aenter__"
    try:
        statement = ast.parse(line.strip().removesuffix(":") + ": pass").body[0]
    except (SyntaxError, IndexError):
        return None
    if frame is None or not isinstance(statement, ast.AsyncWith if asynchronous else ast.With):
        return None
    fixes = SYNC_CONTEXT_MANAGERS if asynchronous else ASYNC_CONTEXT_MANAGERS
    for item in statement.items:
        expr = item.context_expr
        if isinstance(expr, ast.Call):
            kind = _made_by(expr.func, frame)
        elif inspect.isclass(value := _looked_up(expr, frame)):  # `async with aiohttp.ClientSession as session:`
            keyword = "async with" if asynchronous else "with"
            name = ast.unparse(expr)
            return f"`{name}` is the class itself, not an object of it: call it, `{keyword} {name}() as ...:`."
        else:
            kind = type(value).__name__ if value is not None else None
        if kind in fixes:
            return fixes[kind]
    return None


def _made_by(func: ast.expr, frame: FrameType) -> str | None:
    """The name of the type that the call of `func` gives, when the line says it without running anything: a class
    (`ProcessPoolExecutor()`), asyncio's loop makers, an aiohttp session's request methods (`session.get(url)`)."""
    made = _looked_up(func, frame)
    if inspect.isclass(made):
        return made.__name__
    if made is not None and getattr(made, "__name__", None) in _LOOP_MAKERS and made is getattr(asyncio, made.__name__):
        return "SelectorEventLoop"
    if isinstance(func, ast.Attribute) and func.attr in _REQUEST_METHODS:
        owner = _looked_up(func.value, frame)
        if type(owner).__name__ == "ClientSession" and type(owner).__module__.startswith("aiohttp"):
            return REQUEST_CONTEXT_MANAGERS[0]
    return None


def _looked_up(expr: ast.expr, frame: FrameType) -> object:
    """The object a name or a dotted name (`concurrent.futures.ProcessPoolExecutor`) stands for in `frame`, read
    statically (no property, no module `__getattr__` is run); None when it is anything else or not found."""
    if isinstance(expr, ast.Name):
        return named(frame, expr.id, frame.f_builtins.get(expr.id))
    if isinstance(expr, ast.Attribute) and (owner := _looked_up(expr.value, frame)) is not None:
        return inspect.getattr_static(owner, expr.attr, None)
    return None
