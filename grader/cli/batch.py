"""`grader batch ROOT... --out DIR`: grade a whole class, for instructors (the work is in `grader.batch`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grader.cli import ExitCode, cli, stop_on_signals


@cli.command()
@click.argument("roots", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))  # fmt: skip
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for grades.csv, results.json, report.html and feedback/.",
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Suites run at once (default: the cores).")
@click.option(
    "--exercises", "exercise_ids", default=None, metavar="01,04", help="Grade only these exercises (default: all)."
)
@click.option(
    "--resume",
    is_flag=True,
    help="Keep the students whose files are unchanged since an earlier run into the same --out.",
)
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Grade only the Kth of N shards of the class (1-based), e.g. in a CI matrix.",
)
@click.option(
    "--no-stub-shortcut",
    is_flag=True,
    help="Run the suites even on files identical to the kit's stubs (which always score 0).",
)
def batch(roots: tuple[Path, ...], out: Path, jobs: int | None, exercise_ids: str | None, resume: bool,
          shard: str | None, no_stub_shortcut: bool) -> None:  # fmt: skip
    """Grade every student repository in ROOT... (one repository, or a folder of them; the folder name is the
    student's id) and write a gradebook, results, a class report and feedback for each student."""
    from grader.batch import BatchOptions, plan, run_batch
    from grader.batch.discovery import parse_shard
    from grader.batch.outputs import OutputsNotWritten
    from grader.batch.progress import progress_for
    from grader.catalog import load_catalog
    from grader.cli.common import say
    from grader.runner import usable_cpus
    from grader.sandbox import describe, probe

    ids = [i.strip() for i in (exercise_ids or "").split(",") if i.strip()]
    if exercise_ids is not None and not ids:  # `--exercises ,` or `--exercises ""` from a script's empty variable
        raise click.UsageError("--exercises names no exercise: give numbers such as 01,04, or leave it out for all")
    options = BatchOptions(
        roots=list(roots),
        out=out,
        exercises=load_catalog().select(ids),
        jobs=jobs or usable_cpus(),
        resume=resume,
        shard=parse_shard(shard) if shard else None,
        stub_shortcut=not no_stub_shortcut,
    )
    checked = plan(options)  # every usage error before the first line of output
    for entry in checked.skipped:
        click.echo(f"skipped {entry}", err=True)
    for note in checked.notes:
        click.echo(note, err=True)
    for shared in checked.shared:
        click.echo(f"WARNING: {shared}", err=True)
    if checked.left_out_warning:
        click.echo(checked.left_out_warning, err=True)
    if checked.replacing:
        click.echo(checked.replacing, err=True)
    if checked.grader_changed:
        click.echo(checked.grader_changed, err=True)
    click.echo(describe(probe()), err=True)
    stop_on_signals(interrupt=True)
    try:
        summary = run_batch(checked, progress_for(sys.stderr))
    except OutputsNotWritten as exc:  # said at the CLI's boundary, escaped as every error is: it may name a student
        kept = checked.out / "students"
        raise OutputsNotWritten(f"{exc}. The students graded before it are kept in {kept}: make room (or fix the "
                                "folder) and run the same command with --resume.") from exc  # fmt: skip
    reused = f", {summary.reused} unchanged and kept" if summary.reused else ""
    say(
        f"{summary.graded} student(s) graded{reused} of {summary.students} in {summary.duration:.1f} s "
        f"with {options.jobs} job(s); the grader's peak memory {summary.peak_memory:.0f} MB; outputs in {out}"
    )
    for error in summary.errors:
        click.echo(f"grader error: {error}", err=True)
    if summary.interrupted:
        click.echo("interrupted: run the same command with --resume to finish the class", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    if summary.errors:
        click.echo("some students could not be graded: run again with --resume to retry them", err=True)
        sys.exit(ExitCode.INTERNAL)
