"""Which frames, tracebacks and coroutines run the student's own code, and where in their file: the one rule of
what counts as theirs (the exercise files of the submission being graded, not the given util.py), which every
message that points at a line of the student's relies on."""

from __future__ import annotations

import inspect
import os
import traceback
from collections.abc import Callable, Iterator
from types import FrameType, TracebackType
from typing import Any

from grader.model import Location


def student_file(filename: str, root: str) -> str | None:
    """`filename` relative to the submission `root` ("exercises/ex01_futures.py") when it is one of the student's
    exercise files; None for anything else, the given util.py included. The one rule of what counts as theirs."""
    path = os.path.realpath(filename)
    folder = os.path.join(os.path.realpath(root), "exercises") + os.sep
    if not path.startswith(folder) or path.endswith(os.sep + "util.py"):
        return None
    return "exercises/" + path[len(folder) :].replace(os.sep, "/")


def student_location(tb: TracebackType | None, root: str) -> Location | None:
    """The innermost frame of `tb` that is in the student's exercise files."""
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        if rel := student_file(frame.f_code.co_filename, root):
            found = Location(rel, lineno, frame.f_code.co_name)
    return found


def student_location_made(tb: TracebackType | None, root: str, handed: Callable[[Any], bool]) -> Location | None:
    """The line of the student's exercise files that made the value `handed` recognises, when the innermost frames
    of `tb` in their files were handed that very value as an argument: a function that failed on what it was given
    (the stub's get_status, handed a list for a URL) is not the line to fix. None when no frame of theirs was
    handed one, or every frame of theirs was (the value came from outside their code)."""
    theirs = [(frame, line) for frame, line in traceback.walk_tb(tb) if student_file(frame.f_code.co_filename, root)]
    value: Any = None
    for frame, lineno in reversed(theirs):
        arguments = list(_arguments(frame))
        if value is None:
            value = next((argument for argument in arguments if handed(argument)), None)
            if value is None:
                return None
        elif not any(argument is value for argument in arguments):  # by identity: an equal list is another one
            rel = student_file(frame.f_code.co_filename, root)
            return Location(rel, lineno, frame.f_code.co_name) if rel else None
    return None


def _arguments(frame: FrameType) -> Iterator[Any]:
    """The values of the parameters of the function `frame` runs, those of `*args` and `**kwargs` one by one."""
    code = frame.f_code
    named = code.co_argcount + code.co_kwonlyargcount
    values = frame.f_locals
    yield from (values.get(name) for name in code.co_varnames[:named])
    if code.co_flags & inspect.CO_VARARGS:
        yield from values.get(code.co_varnames[named], ())
        named += 1
    if code.co_flags & inspect.CO_VARKEYWORDS:
        yield from values.get(code.co_varnames[named], {}).values()


def student_frame(frame: FrameType | None, root: str) -> Location | None:
    """The innermost of `frame` and its callers that runs one of the student's exercise files, as a Location."""
    while frame is not None:
        if rel := student_file(frame.f_code.co_filename, root):
            return Location(rel, frame.f_lineno, frame.f_code.co_name)
        frame = frame.f_back
    return None


def coroutine_location(coro: Any, root: str) -> Location | None:
    """The innermost line of the student's exercise files that made the coroutine object `coro` (called its async
    def function), from the origin CPython records when the suite process asks it to (`grader.unawaited`)."""
    for filename, line, function in getattr(coro, "cr_origin", None) or ():  # innermost first
        if rel := student_file(filename, root):
            return Location(rel, line, function)
    return None
