"""Python's "Did you mean" for a misspelt name, the same on every Python the kit supports.

Python prints the suggestion only in its own traceback, which students never see from the grader, and computes it
in C before 3.12; the grader quotes the exception's one line, so it looks for the near name itself.
"""

from __future__ import annotations

import builtins
import difflib
from collections.abc import Iterable

_CLOSE_ENOUGH = 0.75
"""difflib's ratio from which a name counts as a slip of the misspelt one: `delya` for `delay` (0.8) and
`asynio` for `asyncio` (0.92) are; `result` for `value` is not."""


def did_you_mean(exc: BaseException) -> str:
    """`. Did you mean: 'delay'?`, to follow the exception's own words, for a NameError or AttributeError whose
    name is a slip of a known one; '' for any other."""
    name = getattr(exc, "name", None)
    if not isinstance(name, str) or not isinstance(exc, (NameError, AttributeError)):
        return ""
    try:
        near = difflib.get_close_matches(name, _known_names(exc), n=1, cutoff=_CLOSE_ENOUGH)
    except Exception:  # a student's object whose __dir__ raises: no suggestion, the exception still speaks
        return ""
    return f". Did you mean: '{near[0]}'?" if near and near[0] != name else ""


def _known_names(exc: BaseException) -> Iterable[str]:
    """The names the failed lookup could have meant: the attributes of the object, or what the raising frame sees."""
    if isinstance(exc, AttributeError):
        obj = getattr(exc, "obj", None)  # 3.10+; set for a failed attribute lookup only
        return [] if obj is None else [n for n in dir(obj) if isinstance(n, str)]
    tb = exc.__traceback__
    if tb is None:
        return []
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    return [*frame.f_code.co_varnames, *frame.f_locals, *frame.f_globals, *vars(builtins)]
