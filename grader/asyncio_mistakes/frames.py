"""Where an exception came from: the student's call that handed asyncio what it refused, that call's line (as text
and parsed), and the innermost frame, all read from the traceback without running anything."""

from __future__ import annotations

import ast
import asyncio
import linecache
import os
import re
from types import FrameType, TracebackType


def callers_statement(exc: BaseException) -> tuple[FrameType | None, ast.Module]:
    """`callers_frame`, with its line parsed (see `parsed_line`)."""
    frame, line = callers_frame(exc)
    return frame, parsed_line(line)


def innermost_statement(exc: BaseException) -> tuple[FrameType | None, ast.Module]:
    """The innermost frame of `exc`'s traceback, with the line it raised at parsed (see `parsed_line`)."""
    tb = innermost(exc)
    return (tb.tb_frame, parsed_line(innermost_line(exc))) if tb is not None else (None, parsed_line(""))


def parsed_line(line: str) -> ast.Module:
    """One source line parsed: the opening of a block (`async with ...:`) as the expression it starts, and a line that
    is no statement of its own (a call spread over lines, a comment) as `pass`, which names nothing."""
    try:
        tree = ast.parse(line.strip().removesuffix(":"))
    except SyntaxError:
        tree = ast.Module(body=[], type_ignores=[])
    return tree if tree.body else ast.parse("pass")


def named(frame: FrameType, name: str, default: object = None) -> object:
    """What `name` stands for where `frame` runs: its local, else its global, else `default`."""
    return frame.f_locals.get(name, frame.f_globals.get(name, default))


_GRADER_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def callers_frame(exc: BaseException) -> tuple[FrameType | None, str]:
    """The innermost frame of `exc`'s traceback outside asyncio, the call that handed it on, and its line. The
    grader's own frames are passed over too: a spy that stands in for asyncio.run (ex07's, ex09's) is not the
    student's call."""
    skipped = (os.path.dirname(asyncio.__file__) + os.sep, _GRADER_DIR)
    found: tuple[FrameType | None, str] = (None, "")
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith(skipped):
            found = (tb.tb_frame, linecache.getline(filename, tb.tb_lineno))
        tb = tb.tb_next
    return found


def innermost(exc: BaseException) -> TracebackType | None:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def raise_statement(exc: BaseException, filename: str) -> str | None:
    """The line, its comment aside, of the student's `raise` that raised `exc` on purpose: when the innermost frame of
    its traceback is in `filename` (their file) and that line raises (`raise ...`, `if ...: raise ...`). None when
    Python or a library raised it, or their code crashed on a line of another kind."""
    tb = innermost(exc)
    if tb is None or tb.tb_frame.f_code.co_filename != filename:
        return None
    line = re.sub(r"\s+#.*$", "", linecache.getline(filename, tb.tb_lineno).strip())
    return line if re.search(r"\braise\b", line) else None


def innermost_line(exc: BaseException) -> str:
    """The source line where `exc` was raised; "" when there is none."""
    tb = innermost(exc)
    return linecache.getline(tb.tb_frame.f_code.co_filename, tb.tb_lineno) if tb is not None else ""


def raised_in(exc: BaseException, ending: str) -> bool:
    tb = innermost(exc)
    return not ending or (tb is not None and tb.tb_frame.f_code.co_filename.endswith(ending))
