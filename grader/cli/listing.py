"""`grader list`: the exercises in course order, each with its one-line topic, points and file."""

from __future__ import annotations

from grader.cli import cli
from grader.cli.common import console


@cli.command("list")
def list_exercises() -> None:
    """List the exercises with their topics and points."""
    from rich.text import Text

    from grader.catalog import load_catalog
    from grader.render.console import print_wrapped

    out = console()
    catalog = load_catalog()
    width = max(len(e.title) for e in catalog)
    if catalog.lesson:  # what the fixes' "in the lesson" refers to, by the title a student can look it up by
        print_wrapped(out, Text.assemble(("The exercises follow the lesson ", "dim"), f"'{catalog.lesson}'."), 0)
    for exercise in catalog:
        line = Text()
        line.append(f"{exercise.id}  ", style="bold")
        line.append(exercise.title.ljust(width), style="bold")
        line.append(f"  {exercise.max_score:>3} pts  ", style="dim")
        line.append(exercise.relpath, style="cyan")
        out.print(line, soft_wrap=True)
        print_wrapped(out, Text(exercise.topic), 4)
