"""What the student's line handed asyncio where an awaitable was due: an async def function or method not called,
a list or a generator not unpacked, a plain value awaited. Each fix is in the student's own names, read from their
line and frame; nothing of theirs is evaluated."""

from __future__ import annotations

import ast
import inspect
import re
from types import FrameType

from grader.asyncio_mistakes.frames import callers_frame, callers_statement, named

_AWAITABLE_TAKERS = ("create_task", "ensure_future", "gather", "run_until_complete", "run", "wait_for", "shield")


def function_not_called(exc: BaseException) -> str | None:
    """For what the student's line handed asyncio where an awaitable was due, the fix in their own names: an async
    def function itself (`asyncio.create_task(work)`, `loop.run_until_complete(main)`, `asyncio.run(main)`, which
    raises ValueError), or a list of awaitables not unpacked (`asyncio.gather(tasks)`). Read from that line and its
    frame; None when they say otherwise."""
    refused_by_run = isinstance(exc, ValueError) and "a coroutine was expected" in str(exc)
    if not isinstance(exc, TypeError) and not refused_by_run:
        return None
    frame, tree = callers_statement(exc)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        taker = getattr(node.func, "attr", getattr(node.func, "id", None))
        if taker not in _AWAITABLE_TAKERS:
            continue
        for argument in node.args:
            if isinstance(argument, ast.Attribute) and frame is not None:
                if (method := _coroutine_method(argument, frame)) is not None:
                    call = ast.unparse(node.func)
                    return (
                        f"`{call}({method})` hands asyncio the method itself; it takes the coroutine object that"
                        f" calling it gives: `{call}({method}())`."
                    )
            if not isinstance(argument, ast.Name) or frame is None:
                continue
            value = named(frame, argument.id)
            name, call = argument.id, ast.unparse(node.func)
            if inspect.iscoroutinefunction(value):
                called = (
                    f"`{call}({name}())`."
                    if _takes_nothing(value)
                    else f"`{call}({name}(...))`, with {name}'s arguments."
                )
                return (
                    f"`{call}({name})` hands asyncio the async def function itself; it takes the coroutine object"
                    f" that calling it gives: {called}"
                )
            if isinstance(value, (list, tuple)) and taker == "gather":
                return f"asyncio.gather takes the awaitables one by one: unpack the list, `{call}(*{name})`."
    return None


def _takes_nothing(func: object, *, skip_first: bool = False) -> bool:
    """True when `func` is called with no arguments (ex09's `main`): `main(...)`, "with main's arguments", would
    send a student looking for arguments that are not there, or typing the three dots. `skip_first`: `func` is a
    method read from its class, whose `self` the call does not pass."""
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty for p in parameters[1 if skip_first else 0 :])


def _coroutine_method(argument: ast.Attribute, frame: FrameType) -> str | None:
    """`loop.shutdown_asyncgens`, as written, when `argument` is an async def method of a local or global object
    (the parentheses forgotten); None otherwise. Only a name's attribute is looked up: nothing is evaluated."""
    owner = argument.value
    if not isinstance(owner, ast.Name):
        return None
    found = named(frame, owner.id)
    if found is None or inspect.ismodule(found):  # `asyncio.sleep`: a function, which the fix above speaks of
        return None
    method = inspect.getattr_static(found, argument.attr, None)
    return ast.unparse(argument) if inspect.iscoroutinefunction(method) else None


def generator_not_unpacked(exc: BaseException) -> str | None:
    """For `asyncio.gather(work(x) for x in xs)`, the star forgotten: gather takes the generator itself for one
    awaitable, which Python 3.12+ refuses (TypeError) and 3.10 and 3.11 run as a task that yields coroutines ("Task
    got bad yield"). The same for a list comprehension or a `map(work, xs)` written in the call (an unhashable list,
    an iterator that is no awaitable). Read from the student's line; None when it says otherwise."""
    if not isinstance(exc, (TypeError, RuntimeError)):
        return None
    for node in ast.walk(callers_statement(exc)[1]):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "gather":
            for argument in node.args:
                if (kind := _many_in_one(argument)) is not None:
                    call = ast.unparse(node.func)
                    return (
                        f"{call} takes the awaitables one by one, not {kind} of them: unpack it with a star,"
                        f" `{call}(*{ast.unparse(argument)})`."
                    )
    return None


def _many_in_one(argument: ast.expr) -> str | None:
    """What `argument`, one argument of gather, holds many awaitables in ("a generator"), when it is written as an
    expression that makes them all; None for anything else, a name included (function_not_called looks those up)."""
    if isinstance(argument, ast.GeneratorExp):
        return "a generator"
    if isinstance(argument, ast.ListComp):
        return "a list"
    if isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name) and argument.func.id == "map":
        return "a map(...)"
    return None


def awaited_a_value(exc: BaseException) -> str | None:
    """For `await response.status`: an attribute awaited that is a plain value (an int), not an awaitable. And for
    `await response.json` or `await main`: an async def function or method awaited without its call."""
    said = re.match(r"object (\w+) can't be used in 'await' expression", str(exc))
    if not isinstance(exc, TypeError) or said is None:
        return None
    frame, line = callers_frame(exc)
    awaited = re.search(r"\bawait\s+((?:\w+\.)*\w+)\b(?!\s*[(\[.])", line)
    if awaited is None:
        return None
    if said[1] in _CALLABLE_KINDS:  # `await response.json`: the call is what is missing, not a value awaited
        return _not_called(awaited[1], frame)
    if "." not in awaited[1]:  # a plain name awaited: whatever it holds, the generic fix says more than a guess
        return None
    return (
        f"`{awaited[1]}` is a plain value (`{said[1]}`), not an awaitable: there is nothing to wait for, so read it"
        f" without `await`: `{awaited[1]}`."
    )


_CALLABLE_KINDS = ("function", "method", "builtin_function_or_method", "method-wrapper", "partial")
"""The type names Python gives for a function awaited uncalled."""


def _not_called(dotted: str, frame: FrameType | None) -> str | None:
    """For `await response.json` (or `await asyncio.sleep`): the async def function or method `dotted` names,
    awaited without the call that makes its coroutine. None when it is not one (a plain function, which the
    generic fix speaks of) or cannot be looked up without running anything."""
    if frame is None:
        return None
    first, *attributes = dotted.split(".")
    owner = None
    found = named(frame, first)
    for attribute in attributes:
        owner, found = found, inspect.getattr_static(found, attribute, None)
    if not inspect.iscoroutinefunction(found):
        return None
    bound = owner is not None and not inspect.ismodule(owner) and not inspect.isclass(owner)
    bound = bound and inspect.isfunction(found)
    call = f"{dotted}()" if _takes_nothing(found, skip_first=bound) else f"{dotted}(...)"
    kind = "method" if bound else "function"
    return (
        f"`{dotted}` is an async def {kind} that was never called, so `await` got the {kind} itself: call it,"
        f" `await {call}`, to get the coroutine object that `await` runs."
    )
