"""`grader merge DIR... --out DIR`: join the outputs of shards into one gradebook, report and feedback."""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli import cli


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
    from grader.cli.common import say

    try:
        merged = merge_outputs(list(folders), out, allow_partial)
    except OutputsNotWritten as exc:  # said at the CLI's boundary, escaped as every error is: it may name a student
        raise OutputsNotWritten(f"{exc}; the merged folder is incomplete: make room and merge again") from exc
    say(f"merged {merged.students} student(s) from {len(folders)} folder(s) into {out}")
    for warning in merged.warnings:  # last, so that it is what the instructor sees
        click.secho(f"WARNING: {warning}", err=True, fg="yellow", bold=True)
