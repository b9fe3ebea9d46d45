"""`grader status` (and `grader` alone): every exercise's state, points and the next one, with a progress bar."""

from __future__ import annotations

import click

from grader.cli import cli
from grader.cli.common import console, here, require_packages


@cli.command()
@click.option("--no-grade", is_flag=True, help="Do not grade exercises edited since their last grading.")
def status(no_grade: bool = False) -> None:
    """Show where you stand: each exercise's state, your points, and which one is next."""
    from grader.catalog import load_catalog
    from grader.progress import Stage, known_progress, overview
    from grader.render.progress_text import render_overview
    from grader.state import load

    root = here()
    catalog = load_catalog()
    out = console()
    if not no_grade:
        remembered = load(root)
        edited = [e for e in catalog if known_progress(root, e, remembered).stage is Stage.EDITED]
        if edited:
            require_packages()
            names = ", ".join(e.id for e in edited)
            out.print(f"[dim]grading {names} (no verdict yet for what is in the file)...[/dim]", soft_wrap=True)
    render_overview(overview(root, catalog, grade_edited=not no_grade), out)
