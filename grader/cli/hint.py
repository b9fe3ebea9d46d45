"""`grader hint [NN]`: one more hint each time it is asked, remembered between runs; `--all` shows them all."""

from __future__ import annotations

import click

from grader.cli import cli
from grader.cli.common import console, exercise_or_next, here


@cli.command()
@click.argument("exercise", required=False)
@click.option("--all", "everything", is_flag=True, help="Show every hint of the exercise at once.")
def hint(exercise: str | None, everything: bool) -> None:
    """Unfold one more hint for an exercise (default: the one you are on)."""
    from grader.hints import reveal
    from grader.render.hints_text import render_hints

    root = here()
    chosen = exercise_or_next(root, exercise)
    count, added = reveal(root, chosen, everything=everything)
    render_hints(console(), chosen, count, added and not everything)
