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
def merge(folders: tuple[Path, ...], out: Path) -> None:
    """Merge the --out folders of `grader batch --shard K/N` runs into one."""
    from grader.batch import merge as merge_outputs

    count = merge_outputs(list(folders), out)
    click.echo(f"merged {count} student(s) from {len(folders)} folder(s) into {out}")
