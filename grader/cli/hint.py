"""`grader hint NN`: the hints of one exercise."""

from __future__ import annotations

import click

from grader.cli import cli


@cli.command()
@click.argument("exercise")
def hint(exercise: str) -> None:
    """Show the hints of one exercise."""
    from grader.catalog import load_catalog

    chosen = load_catalog().get(exercise)
    click.echo(f"Exercise {chosen.id} · {chosen.title} ({chosen.relpath})")
    for number, text in enumerate(chosen.hints, start=1):
        click.echo(f"  {number}. {text}")
