"""`grader export-template OUT`: the repository students receive, without solutions."""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli import cli


@cli.command("export-template")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--grader-from",
    metavar="REQUIREMENT",
    default=None,
    help="Leave the grader and its suites out; the workflow and the README install it from this pip requirement "
    "instead: a public place that holds no solutions, e.g. the URL of a wheel built with "
    "`python -m pip wheel --no-deps . -w dist/` (never the kit's own repository: it has solutions/).",
)
def export_template(out: Path, grader_from: str | None) -> None:
    """Write the students' template repository to OUT (a new folder)."""
    from grader.cli.common import write_failure
    from grader.errors import MachineRefused
    from grader.template import export_template as export

    try:
        manifest = export(out, grader_from=grader_from)
    except OSError as exc:  # a read-only folder, a full disk: the machine's problem, not a bug of the kit
        partly = f" ({out} may hold part of the template: remove it before trying again)" if out.exists() else ""
        raise MachineRefused(write_failure(exc, out) + partly) from exc
    click.echo(f"✓ {out}: the exercises, the Classroom workflow and a README for students; no solutions.")
    if grader_from:
        click.echo(f"  The grader is not included: students and the workflow install it with `{manifest.install()}`.")
    click.echo(f"  Grader {manifest.grader_version}, fingerprint {manifest.grader_fingerprint}.")
    click.echo("  Push it to a new repository and mark it as a template for your Classroom assignment.")
