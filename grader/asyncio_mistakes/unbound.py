"""A name read in a `finally:` block that only the `try:` block sets: when the body raised or was cancelled, the
assignment never ran (the timing decorator's `end = time.perf_counter()` written after the `await`, inside `try`)."""

from __future__ import annotations

import ast

from grader.asyncio_mistakes.frames import innermost
from grader.testing import _Source


def unbound_in_finally(exc: BaseException) -> str | None:
    """The fix for an UnboundLocalError raised in a `finally:` block for a name that the `try:` block assigns; None
    for any other error."""
    if not isinstance(exc, UnboundLocalError) or (tb := innermost(exc)) is None:
        return None
    if (source := _Source.of(tb.tb_frame.f_code)) is None:
        return None
    line = tb.tb_lineno - source.first + 1  # in the parsed function's own numbering
    for node in ast.walk(source.tree):
        if not isinstance(node, ast.Try) or not node.finalbody:
            continue
        if not node.finalbody[0].lineno <= line <= (node.finalbody[-1].end_lineno or 0):
            continue
        assigned = {
            target.id
            for statement in node.body
            for inner in ast.walk(statement)
            if isinstance(inner, (ast.Assign, ast.AnnAssign, ast.AugAssign))
            for target in (inner.targets if isinstance(inner, ast.Assign) else [inner.target])
            if isinstance(target, ast.Name)
        }
        name = next((n for n in assigned if f"'{n}'" in str(exc)), None)
        if name is not None:
            return (
                f"`{name}` is set inside the `try:` block, so when the body raised or was cancelled before that line,"
                f" `finally:` finds it unset. Set what `finally:` reads where every path passes: before the `try:`,"
                f" or in the `finally:` itself (read the clock there, `end = time.perf_counter()`)."
            )
    return None
