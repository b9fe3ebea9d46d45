"""`grader workflow`: for maintainers, write the kit's GitHub Classroom workflow from the catalog."""

from __future__ import annotations

import sys

import click

from grader.cli import ExitCode, cli


@cli.command()
@click.option("--check", "check_only", is_flag=True, help="Only say whether the file is up to date (exit 1 if not).")
def workflow(check_only: bool) -> None:
    """Write .github/workflows/classroom.yml: one grading step per exercise in exercises.toml."""
    from grader.catalog import PACKAGE_DIR, load_catalog
    from grader.classroom_workflow import WORKFLOW_PATH
    from grader.classroom_workflow import workflow as workflow_text
    from grader.cli.common import write_failure
    from grader.errors import MachineRefused

    target = PACKAGE_DIR.parent / WORKFLOW_PATH
    wanted = workflow_text(load_catalog())
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if current == wanted:
        click.echo(f"✓ {WORKFLOW_PATH} is up to date.")
        return
    if check_only:
        click.echo(f"✗ {WORKFLOW_PATH} does not match exercises.toml: run `grader workflow` to regenerate it.")
        sys.exit(ExitCode.CHECKS_FAILED)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(wanted, encoding="utf-8")
    except OSError as exc:  # a kit installed read-only (site-packages): the machine's refusal, not the kit's bug
        raise MachineRefused(write_failure(exc, target)) from exc
    click.echo(f"✓ wrote {WORKFLOW_PATH}.")
