"""`grader check [NN ...]`: grade exercises of a submission and show the verdicts."""

from __future__ import annotations

import sys
import threading
from importlib import import_module
from pathlib import Path

import click

from grader.cli import ExitCode, cli
from grader.cli.common import find_submission, require_packages
from grader.errors import NoSubmission
from grader.render import FORMATS, renderer

__all__ = ["check", "find_submission"]


@cli.command()
@click.argument("exercises", nargs=-1)
@click.option(
    "--path",
    "path",
    type=click.Path(file_okay=False, path_type=Path),
    help="The submission to grade: a folder that holds exercises/ (default: this repository).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Exercises graded at once (default: cores).")
def check(exercises: tuple[str, ...], path: Path | None, fmt: str, jobs: int | None) -> None:
    """Grade the named exercises (all when none is named)."""
    from grader.catalog import load_catalog
    from grader.progress import fingerprints, remember
    from grader.runner import grade

    require_packages()
    root = path.resolve() if path else find_submission(Path.cwd())
    if path and not (root / "exercises").is_dir():
        raise NoSubmission(f"{path} has no exercises/ folder")
    selected = load_catalog().select(exercises)
    # The renderer's imports (rich) take a noticeable share of start-up: load them while the suites run.
    threading.Thread(target=import_module, args=(f"grader.render.{fmt}_format",), daemon=True).start()
    before = fingerprints(root, selected)
    result = grade(selected, root, jobs=jobs)
    if path is None:  # the student's own copy: remember the verdicts for `grader status` (never a --path one)
        remember(root, [(e, before[e.id]) for e in result.exercises])
    renderer(fmt)(result, sys.stdout)
    sys.exit(ExitCode.OK if result.passed else ExitCode.CHECKS_FAILED)
