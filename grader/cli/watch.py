"""`grader watch [NN]`: grade an exercise each time its file is saved, and move on when it passes."""

from __future__ import annotations

import sys

import click

from grader.cli import cli
from grader.cli.common import console, exercise_or_next, here, require_packages


@cli.command()
@click.argument("exercise", required=False)
@click.option("--poll", is_flag=True,
              help="Look at the file every 0.15 s instead of waiting for the system's file events "
                   "(for network drives, shared folders of virtual machines and containers).")  # fmt: skip
def watch(exercise: str | None, poll: bool) -> None:
    """Grade an exercise each time you save it (default: the first one that does not pass yet)."""
    from grader.catalog import load_catalog
    from grader.watch import Watcher

    require_packages()
    root = here()
    start = exercise_or_next(root, exercise)
    sys.exit(Watcher(root, load_catalog(), console(), poll=True if poll else None).run(start))
