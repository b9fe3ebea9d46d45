"""Which `except` clause of the student's code caught an error that should have come through.

A check that saw the student's function return where an exception should have come out points at the clause
that stopped it, not at the `def`. Reading that takes a small analysis of its own (which handler matches the
error's type, whether every way through it raises the error again, `contextlib.suppress` blocks), so it lives
apart from `grader.testing`, whose source reader (`_Source`) it builds on. Named for the `except` clauses it
reads, not "handlers": in this kit that word also means logging handlers (09) and the loop's exception handler
(01).
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import inspect
import types
from types import ModuleType
from typing import Any

from grader.model import Location
from grader.testing import _NESTED, _Source


def catching_handler(
    func: Any, error: BaseException, names: dict[str, Any] | None = None, *, reraising: bool = False
) -> Location | None:
    """The line of the student's `except` in `func` (a function or a code object; nested functions aside) that
    caught `error`, or None: a check that saw `func` return where the error should have come through points there,
    not at the `def`. Of the handlers that catch an error of that type, the one whose `try:` holds the line where
    the error entered `func`, if its traceback shows that; the first one otherwise. The handlers' names are looked
    up in `names`, by default the globals of `func`.

    A handler lets the error out, and counts only with `reraising`, when every way through it ends in raising that
    very error again (a bare `raise`, or `raise e` of its `except ... as e`); one that may return or go on after
    the `try` (`if ...: raise` then `return None`; a `pass` or a `continue` in a loop) swallowed it. One that raises
    another exception in its place (`raise OtherError(...) from e`) converted it, and is named as a swallowing one
    is: that is the line where the error the check waited for stopped, and its fix, a bare `raise`, is the same. A
    check that saw the function return learns of it even when an outer `except OtherError:` swallowed the new
    exception (that one does not catch `error` itself, and is not named); a check that saw the new exception come
    out should rather point at its `raise` line, `where(raised)`.

    `with contextlib.suppress(...)` catches too, with no `except` line: its `with` line is named when the error's
    traceback shows that it went through the block, never on the type alone."""
    if (source := _Source.of(func)) is None:
        return None
    entered = line_entered(error, source.target)
    names = names if names is not None else getattr(source.target, "__globals__", {})
    top = source.tree.body[0] if source.tree.body and isinstance(source.tree.body[0], _NESTED) else source.tree
    found: list[tuple[int, int]] = []  # (the first line of the block if it holds the line entered, else 0; catcher)
    todo = list(ast.iter_child_nodes(top))
    while todo:
        node = todo.pop(0)
        if isinstance(node, _NESTED):
            continue
        todo += ast.iter_child_nodes(node)
        body = getattr(node, "body", None)
        if not isinstance(node, (ast.Try, ast.With, ast.AsyncWith)) or not body:
            continue  # ast.TryStar's handlers take groups: the error arrives wrapped, and is not this one
        start, end = source.first + body[0].lineno - 1, source.first + (body[-1].end_lineno or 0) - 1
        holds = entered is not None and start <= entered <= end
        if not isinstance(node, ast.Try):
            if holds and any(_suppresses(item.context_expr, error, names) for item in node.items):
                found.append((start, node.lineno))
            continue
        for handler in node.handlers:
            if _catches(handler.type, error, names):
                if reraising or not _lets_it_out(handler):
                    found.append((start if holds else 0, handler.lineno))
                break  # the first handler that matches is the one that runs
    if not found:
        return None
    # Of the blocks the error went through, the innermost (the last to start) caught it; with no traceback to tell,
    # the first handler in the source.
    return source.location(max(found, key=lambda f: (f[0], -f[1]))[1])


def _suppresses(made: ast.expr, error: BaseException, names: dict[str, Any]) -> bool:
    """Whether `made`, what a `with` enters, is `contextlib.suppress(...)` (or `suppress(...)` imported by name)
    of a type that takes `error`."""
    if not isinstance(made, ast.Call) or _looked_up(made.func, names) is not contextlib.suppress:
        return False
    return any(_catches(kind, error, names) for kind in made.args)


def _lets_it_out(handler: ast.ExceptHandler) -> bool:
    """Whether every way through `handler` ends in raising the error it caught, as it is."""
    leaves, goes_on, raises = _ways_out(handler.body, handler.name)
    return not leaves and not goes_on and raises == {"again"}


def _ways_out(body: list[ast.stmt], caught: str | None) -> tuple[bool, bool, set[str]]:
    """How a block of statements can end: whether it can leave by a `return`, `break` or `continue`; whether it can
    run off its end; and the raises it can end in, "again" for the caught error (named `caught`), "other" for
    another exception."""
    leaves, raises = False, set()
    for statement in body:
        left, on, raised = _ways_out_of(statement, caught)
        leaves, raises = leaves or left, raises | raised
        if not on:
            return leaves, False, raises
    return leaves, True, raises


def _ways_out_of(statement: ast.stmt, caught: str | None) -> tuple[bool, bool, set[str]]:
    if isinstance(statement, (ast.Return, ast.Break, ast.Continue)):
        return True, False, set()
    if isinstance(statement, ast.Raise):
        again = statement.exc is None or (isinstance(statement.exc, ast.Name) and statement.exc.id == caught)
        return False, False, {"again" if again else "other"}
    if isinstance(statement, ast.If):
        (left, on, raised), (left_else, on_else, raised_else) = (
            _ways_out(statement.body, caught),
            _ways_out(statement.orelse, caught),
        )
        return left or left_else, on or on_else, raised | raised_else
    if isinstance(statement, (ast.With, ast.AsyncWith)):
        return _ways_out(statement.body, caught)
    # A loop, a `try`, a `match`: any statement inside may run, or none; whatever leaves from inside may leave.
    inside, leaves, raises = list(ast.iter_child_nodes(statement)), False, set()
    while inside:
        node = inside.pop()
        if isinstance(node, _NESTED):
            continue
        inside += ast.iter_child_nodes(node)
        leaves = leaves or isinstance(node, (ast.Return, ast.Break, ast.Continue))
        if isinstance(node, ast.Raise):
            raises.add("other")  # not followed further: it may be another exception's
    return leaves, True, raises


def catching_handler_in(module: ModuleType, error: BaseException, *first: Any) -> Location | None:
    """`catching_handler` over the student's module: the functions `first`, then every other function defined in
    `module`, each before the functions nested in it (a fetch_status may hand a helper of its own to a thread)."""
    defined = [f for f in vars(module).values() if inspect.isfunction(f) and f.__module__ == module.__name__]
    for func in [*first, *(f for f in defined if f not in first)]:
        todo = [getattr(func, "__code__", None)]
        while todo:
            code = todo.pop(0)
            if not isinstance(code, types.CodeType):
                continue
            if found := catching_handler(code, error, getattr(func, "__globals__", {})):
                return found
            todo += code.co_consts
    return None


def line_entered(error: BaseException, func: Any) -> int | None:
    """The line of `func` that the error passed through on its way up, from its traceback."""
    code = func if isinstance(func, types.CodeType) else getattr(func, "__code__", None)
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code is code:
            return tb.tb_lineno
        tb = tb.tb_next
    return None


def _catches(kind: ast.expr | None, error: BaseException, names: dict[str, Any]) -> bool:
    """Whether `except <kind>:` catches `error`, the names of `kind` looked up in the student's module; False for
    a name that cannot be looked up (the student's code is not run for it)."""
    if kind is None:
        return True
    if isinstance(kind, ast.Tuple):
        return any(_catches(element, error, names) for element in kind.elts)
    value = _looked_up(kind, names)
    return isinstance(value, type) and isinstance(error, value)


def _looked_up(name: ast.expr, names: dict[str, Any]) -> Any:
    """What a name or a dotted name (`asyncio.CancelledError`) stands for in the student's module, read without
    running their code (no property, no __getattr__); None for any other expression."""
    path: list[str] = []
    while isinstance(name, ast.Attribute):
        path.insert(0, name.attr)
        name = name.value
    if not isinstance(name, ast.Name):
        return None
    value = names.get(name.id, getattr(builtins, name.id, None))
    for attr in path:
        value = inspect.getattr_static(value, attr, None)
    return value
