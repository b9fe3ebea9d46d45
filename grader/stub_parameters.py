"""A function whose parameters lost the stub's order or its `*args`: every check that calls it gets the wrong values
in the wrong places, and tells of what those values then did (call_later "handed the callback where the delay
goes", a callback "called with ('s', 'l', 'o', 'w')"), while the student's body is right. Said once, in the
student's terms, by every check that involves that function.

Conservative on purpose: parameters renamed (`cb` for `callback`) or added with defaults are the student's to
choose, so only the stub's own names put in another order, and the stub's `*args` written as one plain parameter of
the same name, are told.
"""

from __future__ import annotations

import inspect
from pathlib import PurePath
from types import ModuleType

from grader.diagnose import Verdict
from grader.model import Status
from grader.pristine import stub_functions
from grader.testing import where


def stub_parameters(filename: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """The top-level functions of the kit's stub `filename`: name -> (positional parameter names, name of its
    `*args` or None)."""
    return {
        name: (
            tuple(arg.arg for arg in [*node.args.posonlyargs, *node.args.args]),
            node.args.vararg.arg if node.args.vararg else None,
        )
        for name, node in stub_functions(filename).items()
    }


def _shown(name: str, positional: tuple[str, ...], vararg: str | None) -> str:
    return f"{name}({', '.join([*positional, *([f'*{vararg}'] if vararg else [])])})"


def parameters_unlike_the_stub(module: ModuleType) -> list[tuple[str, Verdict]]:
    """The functions of the student's `module` whose parameters are the stub's in another order, or that have a
    plain parameter where the stub has `*args` of that name, each with the verdict that says so."""
    filename = PurePath(module.__file__ or "").name
    return [
        (name, verdict)
        for name, (positional, vararg) in sorted(stub_parameters(filename).items())
        if (verdict := _unlike(name, getattr(module, name, None), positional, vararg)) is not None
    ]


def _unlike(name: str, func: object, positional: tuple[str, ...], vararg: str | None) -> Verdict | None:
    """What to say of the student's `func` when its parameters are unlike the stub's `name(*positional, *vararg)`."""
    try:
        parameters = list(inspect.signature(func).parameters.values()) if inspect.isfunction(func) else []
    except (TypeError, ValueError):
        return None
    if not parameters:
        return None
    theirs = [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    has_varargs = any(p.kind is p.VAR_POSITIONAL for p in parameters)
    stub = _shown(name, positional, vararg)
    if len(positional) > 1 and theirs[: len(positional)] != list(positional):
        if sorted(theirs[: len(positional)]) != sorted(positional):
            return None  # renamed: the student's names, not a reordering
        first = next(ours for ours, given in zip(theirs, positional, strict=False) if ours != given)
        given = positional[theirs.index(first)]
        return Verdict(
            Status.FAILED,
            f"{name} takes its parameters in another order than the stub, ({', '.join(theirs)}): the checks call"
            f" it as the stub defines it, {stub}, so your `{first}` gets the `{given}` they pass",
            expected=f"`def {stub}:`, the stub's order",
            fix=f"Put the parameters back in the stub's order, `def {stub}:`, and pass them in that order in your"
            f" own calls of {name} too: the checks call it as the stub defines it.",
            location=where(func),
        )
    if vararg and not has_varargs and vararg in theirs:
        return Verdict(
            Status.FAILED,
            f"{name} has a plain parameter `{vararg}` where the stub has `*{vararg}`: the checks pass what"
            f" goes in `*{vararg}` one argument at a time, so `{vararg}` gets only the first of them, or the call"
            " cannot be made at all",
            expected=f"`def {stub}:`, with the star",
            fix=f"Write `*{vararg}` in the def, as the stub does: it gathers every argument after the named ones"
            f" into a tuple, which `*{vararg}` in your call then hands on one by one.",
            location=where(func),
        )
    return None
