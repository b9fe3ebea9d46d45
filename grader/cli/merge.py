"""`grader merge DIR... --out DIR`: join the outputs of shards into one gradebook, report and feedback."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grader.cli import ExitCode, cli


@cli.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the merged grades.csv, results.json, report.html and feedback/.",
)
@click.option(
    "--allow-partial",
    is_flag=True,
    help="Merge even when shards are missing or stopped halfway: a missing shard's students are left out, the"
    " ungraded ones of a stopped shard are not_graded rows.",
)
def merge(folders: tuple[Path, ...], out: Path, allow_partial: bool) -> None:
    """Merge the --out folders of `grader batch --shard K/N` runs into one. Every shard of the class must be
    there, each once, finished, all of the same N (or, for batches graded without --shard, none may be a shard)."""
    from grader.batch.merging import merge as merge_outputs
    from grader.batch.outputs import OutputsNotWritten

    try:
        merged = merge_outputs(list(folders), out, allow_partial)
    except OutputsNotWritten as exc:  # the machine's problem (a full disk), not a bug: one sentence, not a crash
        click.echo(f"error: {exc}; the merged folder is incomplete: make room and merge again", err=True)
        sys.exit(ExitCode.INTERNAL)
    click.echo(f"merged {merged.students} student(s) from {len(folders)} folder(s) into {out}")
    for warning in merged.warnings:  # last, so that it is what the instructor sees
        click.secho(f"WARNING: {warning}", err=True, fg="yellow", bold=True)
