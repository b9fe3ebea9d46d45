"""`grader gradescope --out autograder.zip`: the zip an instructor uploads to Gradescope, and what it runs."""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli import cli
from grader.render.gradescope_format import HIDDEN_OUTPUTS, VISIBILITIES


@cli.command()
@click.argument("exercises", nargs=-1)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("autograder.zip"),
    show_default=True,
    help="Where to write the zip.",
)
@click.option(
    "--hide",
    "hide",
    multiple=True,
    metavar="NN[:CHECK]",
    help="Hide the results of an exercise's checks, or of one check, from students (repeatable); not their code,"
    " which a submission can read (docs/platforms.md).",
)
@click.option(
    "--hidden-visibility",
    type=click.Choice(VISIBILITIES[1:]),
    default="after_due_date",
    show_default=True,
    help="When students see hidden checks (`hidden`: never).",
)
@click.option(
    "--hidden-output",
    type=click.Choice(HIDDEN_OUTPUTS),
    default="message",
    show_default=True,
    help="How much of a hidden check's explanation students see once it is shown.",
)
def gradescope(exercises: tuple[str, ...], out: Path, hide: tuple[str, ...], hidden_visibility: str,
               hidden_output: str) -> None:  # fmt: skip
    """Build the Gradescope autograder for the named exercises (all when none is named)."""
    from grader.catalog import load_catalog
    from grader.cli.common import say, write_failure
    from grader.errors import MachineRefused
    from grader.gradescope import build_zip, parse_hidden
    from grader.render.gradescope_format import Visibility

    catalog = load_catalog()
    selected = catalog.select(exercises)
    visibility = Visibility(parse_hidden(catalog, hide, selected), hidden_visibility, hidden_output)
    try:
        build_zip(out, selected, visibility)
    except OSError as exc:  # a read-only folder, a full disk: the machine's problem, not a bug of the kit
        raise MachineRefused(write_failure(exc, out)) from exc
    points = sum(e.max_score for e in selected)
    say(f"✓ {out}: {len(selected)} exercise(s), {points} points. Upload it as the assignment's autograder;")
    say(f"  set the assignment's total to {points} points.")


@cli.command("gradescope-run", hidden=True)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="AUTOGRADER_ROOT",
    default=Path("/autograder"),
    show_default=True,
)
def gradescope_run(root: Path) -> None:
    """Inside Gradescope: grade ROOT/submission and write ROOT/results/results.json."""
    import sys

    from grader.cli.common import write_failure
    from grader.errors import MachineRefused
    from grader.gradescope import run
    from grader.render import renderer

    try:
        result = run(root)
    except OSError as exc:  # a full disk, a results/ that is no folder: the machine's problem, not a bug of the kit
        raise MachineRefused(write_failure(exc, root / "results" / "results.json")) from exc
    renderer("text")(result, sys.stdout)  # Gradescope keeps stdout for instructors
