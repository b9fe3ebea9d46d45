"""`grader list`: the exercises in course order, with topics and points."""

from __future__ import annotations

import click

from grader.cli import cli


@cli.command("list")
def list_exercises() -> None:
    """List the exercises with their topics and points."""
    from grader.catalog import load_catalog

    for exercise in load_catalog():
        click.echo(f"{exercise.id}  {exercise.title:<36} {exercise.max_score:>3} pts  {exercise.relpath}")
        click.echo(f"    {exercise.topic}")
