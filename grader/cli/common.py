"""What several verbs share: finding the student's copy of the kit and the exercise they are on, a console on
stdout, the check that the suites' packages are installed, and the one sentence for a write the machine refused."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from grader.errors import NoSubmission

if TYPE_CHECKING:
    from rich.console import Console

    from grader.catalog import Exercise


def find_submission(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `exercises/`: the student's copy of the kit."""
    for folder in (start, *start.parents):
        if (folder / "exercises").is_dir():
            return folder
    raise NoSubmission(f"no exercises/ folder in {start} or above it: run the grader inside your copy of the kit")


def here() -> Path:
    """The student's copy of the kit around the working directory."""
    return find_submission(Path.cwd())


def console() -> Console:
    from grader.render.console import make_console

    return make_console(sys.stdout)


def say(text: str) -> None:
    """`text` on stdout, unless whoever read it has gone (`grader batch … | head -0`): then stdout is pointed at
    the null device and the command goes on to its usual end and exit code. Left to click, the broken pipe
    ended the command with exit code 1 and no word, before the lines that follow on stderr (a run's grader errors,
    a merge's warnings) and the exit code that says how the run went."""
    import click

    try:
        click.echo(text)
    except BrokenPipeError:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())  # the line still in the buffer goes nowhere at exit, silently
            os.close(null)
        except (OSError, ValueError):  # a stdout with no descriptor of its own (a test's capture)
            sys.stdout = open(os.devnull, "w")  # for the rest of the process


def exercise_or_next(root: Path, exercise_id: str | None) -> Exercise:
    """The exercise named on the command line, or else the first one not known to pass (no grading)."""
    from grader.catalog import load_catalog
    from grader.progress import first_not_passing

    catalog = load_catalog()
    if exercise_id:
        return catalog.get(exercise_id)
    return first_not_passing(root, catalog) or catalog.exercises[-1]


def require_packages() -> None:
    """Before grading: every package the suites import is installed, or one clear message and exit 2."""
    from grader.environment import exit_if_unusable

    exit_if_unusable()


def write_failure(exc: OSError, target: Path) -> str:
    """One sentence for a failure to write `target` (a read-only folder, a full disk): the machine's problem, not
    a bug of the kit, so not a traceback. A copy of a whole tree (`shutil.Error`) fails file by file: the first says
    why."""
    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
        _, where, why = exc.args[0][0]
        return f"could not write {where}: {why}"
    why = exc.strerror or exc
    if exc.filename is None or _on_the_way(Path(exc.filename), target):
        return f"could not write {exc.filename or target}: {why}"
    # A file the kit reads to build `target` (its own code, say): naming only that path would read as a write to it.
    return f"could not write {target}: {exc.filename}: {why}"


def _on_the_way(path: Path, target: Path) -> bool:
    """Whether `path` is `target`, a folder above it or a file inside it: a place the write itself touches."""
    path, target = path.absolute(), target.absolute()
    return path == target or path in target.parents or target in path.parents
