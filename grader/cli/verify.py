"""`grader verify`: for the kit's maintainers, prove the kit's invariants."""

from __future__ import annotations

import sys

import click

from grader.cli import ExitCode, cli


@cli.command()
@click.argument("exercises", nargs=-1)
def verify(exercises: tuple[str, ...]) -> None:
    """Check that every solution passes and every stub fails every check."""
    from grader.catalog import load_catalog
    from grader.verify import verify as run_verify

    selected = load_catalog().select(exercises)
    problems = run_verify(selected)
    for problem in problems:
        click.echo(f"✗ {problem}")
    if problems:
        click.echo(f"{len(problems)} problem(s) in the kit.")
        sys.exit(ExitCode.CHECKS_FAILED)
    checks = sum(len(e.checks) for e in selected)
    click.echo(f"✓ {len(selected)} exercise(s), {checks} checks: every solution passes, every stub fails.")
