"""`grader check [NN ...]`: grade exercises of a submission and show the verdicts.

Exit codes (`ExitCode`): 0 when every check passed, 1 when any failed, 2 for a usage error, 3 for a bug in the kit
or a file the machine refused to let it write (`MachineRefused`: the Classroom step's `$GITHUB_OUTPUT`). With
`--exit-zero`, and always with a format in `STEP_FORMATS` (`classroom`), a graded submission exits 0 whatever its
verdict: a later CI step reads the verdict from the output and must still run. Usage errors and bugs keep their
codes there too, so that a broken workflow shows up as one.

Grading the student's own copy (no `--path`) also remembers each verdict for `grader status`.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from grader.cli import ExitCode, cli
from grader.cli.common import find_submission, require_packages
from grader.errors import NoSubmission
from grader.render import FORMATS, STEP_FORMATS, renderer


@cli.command()
@click.argument("exercises", nargs=-1)
@click.option(
    "--path",
    "path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The submission to grade: a folder that holds exercises/, or the exercise files loose (default: this"
    " repository). Only its exercises/*.py files are read (an exercise file missing there is looked for nearby, as"
    " `grader batch` does)"
    " and nothing is written there, so `grader status` does not count its verdicts.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for programs; classroom, gradescope and junit for grading platforms and CI.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Exercises graded at once (default: twice the cores)."
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when checks fail (always so with --format classroom, whose reporter step must run).",
)
def check(exercises: tuple[str, ...], path: Path | None, fmt: str, jobs: int | None, exit_zero: bool) -> None:
    """Grade the named exercises (all when none is named)."""
    from grader.catalog import load_catalog
    from grader.live import shown_while_grading
    from grader.progress import fingerprints, remember
    from grader.runner import grade, require_submission

    require_packages()
    root = path.resolve() if path else find_submission(Path.cwd())
    selected = load_catalog().select(exercises)
    if path:  # loose files are graded as `grader batch` grades them (grader.locate); nothing at all is an error
        try:
            require_submission(root, selected)
        except NoSubmission:
            raise NoSubmission(f"{path} has no exercises/ folder, and no exercise file in it") from None
    _warn_if_not_exported_grader(root)
    before = fingerprints(root, selected)
    with ThreadPoolExecutor(max_workers=1) as background, shown_while_grading(selected, sys.stderr) as progress:
        render = background.submit(renderer, fmt)  # import the renderer while the suites run, not after
        result = grade(selected, root, jobs=jobs, progress=progress)
    if path is None:  # the student's own copy: remember the verdicts for `grader status` (never a --path one)
        remember(root, [(e, before[e.id]) for e in result.exercises])
    render.result()(result, sys.stdout)
    if path is None and fmt == "text" and result.passed:
        _say_what_is_next(root)
    if fmt in STEP_FORMATS:
        renderer("text")(result, sys.stderr)  # the step's log shows the report; stdout is the step's output
    sys.exit(ExitCode.OK if result.passed or exit_zero or fmt in STEP_FORMATS else ExitCode.CHECKS_FAILED)


def _say_what_is_next(root: Path) -> None:
    """After a pass, the exercise to take up next (as `grader status` marks it), so that a student who passed one
    need not ask the overview where to go."""
    from rich.text import Text

    from grader.catalog import load_catalog
    from grader.cli.common import console
    from grader.invocation import grader_command
    from grader.progress import first_not_passing
    from grader.render.console import print_wrapped

    upcoming = first_not_passing(root, load_catalog())
    if upcoming is None:
        console().print("Every exercise passes: the course is done.", style="bold green")
        return
    out, command = console(), grader_command()
    out.print(f"next: {upcoming.id} {upcoming.title}, in {upcoming.relpath}", style="bold")
    said = f"{command} check {upcoming.id}, or {command} watch to re-grade it each time you save"
    print_wrapped(out, Text(said, style="dim"), 2)


def _warn_if_not_exported_grader(root: Path) -> None:
    from grader.template import drift_warning

    warning = drift_warning(root)
    if warning:
        width = min(shutil.get_terminal_size().columns, 100)
        click.echo(textwrap.fill(f"warning: {warning}", width, subsequent_indent="  ", break_long_words=False,
                                 break_on_hyphens=False), err=True)  # fmt: skip
        if os.environ.get("GITHUB_ACTIONS") == "true":  # an annotation on the run's summary, where it is seen
            click.echo(f"::warning title=Not the exported grader::{_workflow_command_data(warning)}", err=True)


def _workflow_command_data(text: str) -> str:
    """`text` as the data of a GitHub workflow command, which ends at a line break (the escapes Actions decodes)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
