"""The grader as the student typed it, so that a command we suggest works when pasted back.

The student template's README runs `.venv/bin/grader check 01` without activating the environment: there a
suggested `grader hint 01` would answer "command not found".
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import sys
from pathlib import Path


@functools.cache
def grader_command() -> str:
    """`grader` when that name finds this very program; else the path it was started by, as typed."""
    started_by = sys.argv[0] if sys.argv else ""
    if Path(started_by).parts[-2:] == ("grader", "__main__.py"):  # python -m grader (not python -m pytest)
        ours = Path(sys.executable).with_name("grader")
        if _same_file(shutil.which("grader") or "", str(ours)):
            return "grader"
        # Not samefile: a venv's python is a symlink to the system's, which does not have the grader installed.
        return f"{python_command()} -m grader"
    if Path(started_by).name != "grader":  # a test calling the renderers in-process (pytest's __main__.py too)
        return "grader"
    if _same_file(shutil.which("grader") or "", started_by):
        return "grader"
    return _as_typed(started_by)


def python_command() -> str:
    """`python` when that name runs this very interpreter; else its path as typed (`.venv/bin/python`), so that a
    suggested `pip install` reaches the environment the grader runs in."""
    on_path = shutil.which("python")
    if on_path and os.path.abspath(on_path) == sys.executable:
        return "python"
    return shlex.quote(_as_typed(sys.executable))  # a path with a space stays one word when pasted


def _as_typed(program: str) -> str:
    path = Path(program)
    try:
        here = Path.cwd()
    except OSError:  # the folder was deleted under us
        return program
    if path.is_absolute() and path.is_relative_to(here):
        relative = str(path.relative_to(here))  # .venv/bin/grader: still a path, as it holds a slash
        return relative if os.sep in relative else f".{os.sep}{relative}"
    return program


def _same_file(a: str, b: str) -> bool:
    try:
        return bool(a and b) and os.path.samefile(a, b)
    except OSError:
        return False
