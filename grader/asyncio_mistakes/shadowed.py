"""A helper hidden by a parameter of the same name: the lesson imports `delay` from its util module, and the exercises'
functions take a `delay` argument, so `await delay(delay)` calls the number the function was given."""

from __future__ import annotations

import ast

from grader.asyncio_mistakes.frames import innermost_statement


def shadowed_helper(exc: BaseException) -> str | None:
    """The fix for "'float' object is not callable" where the name called is a local (a parameter, most often) of the
    raising frame that hides a function of the same name in its module; None for any other error."""
    if not isinstance(exc, TypeError) or "object is not callable" not in str(exc):
        return None
    frame, tree = innermost_statement(exc)
    if frame is None:
        return None
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        name = node.func.id
        local, hidden = frame.f_locals.get(name), frame.f_globals.get(name)
        if name in frame.f_locals and not callable(local) and callable(hidden):
            home = getattr(hidden, "__module__", None)
            other = (
                f"import the function under another name (`from {home.rpartition('.')[2]} import {name} as pause`)"
                if isinstance(home, str) and home != frame.f_globals.get("__name__")
                else "rename the parameter or the function"
            )
            code = frame.f_code
            given = name in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
            what = "was given as its parameter" if given else "keeps in its local variable"
            return (
                f"`{name}` here is the {type(local).__name__} this function {what} `{name}`, which hides the function"
                f" of that name: inside this function, the name means the {'parameter' if given else 'variable'}. To"
                f" call the function, {other}; for a pause, `await asyncio.sleep({name})` does it."
            )
    return None
