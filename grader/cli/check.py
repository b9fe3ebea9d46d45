"""`grader check [NN ...]`: grade exercises of a submission and show the verdicts."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from grader.cli import ExitCode, cli
from grader.errors import NoSubmission
from grader.render import FORMATS, renderer


def find_submission(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `exercises/`: the student's copy of the kit."""
    for folder in (start, *start.parents):
        if (folder / "exercises").is_dir():
            return folder
    raise NoSubmission(f"no exercises/ folder in {start} or above it: run the grader inside your copy of the kit")


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
    from grader.runner import grade

    root = path.resolve() if path else find_submission(Path.cwd())
    if path and not (root / "exercises").is_dir():
        raise NoSubmission(f"{path} has no exercises/ folder")
    selected = load_catalog().select(exercises)
    with ThreadPoolExecutor(max_workers=1) as background:
        render = background.submit(renderer, fmt)  # import the renderer while the suites run, not after
        result = grade(selected, root, jobs=jobs)
    render.result()(result, sys.stdout)
    sys.exit(ExitCode.OK if result.passed else ExitCode.CHECKS_FAILED)
