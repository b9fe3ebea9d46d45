"""The `grader` command: a thin layer over functions that return results; one module per verb.

Exit codes are `ExitCode`; a `GraderError` becomes one clear line and its exit code here, at the boundary.
"""

from __future__ import annotations

import sys
from enum import IntEnum

import click

from grader import __version__


class ExitCode(IntEnum):
    OK = 0
    """Every check passed (or the output carries the verdict: `--exit-zero`, `--format classroom`)."""
    CHECKS_FAILED = 1
    USAGE = 2
    INTERNAL = 3
    INTERRUPTED = 130
    """Stopped by Ctrl-C or SIGTERM (`grader batch`; the convention of shells, 128 + SIGINT)."""


class GraderGroup(click.Group):
    def invoke(self, ctx: click.Context):
        from grader.errors import GraderError, UsageError

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(ExitCode.USAGE)
        except GraderError as exc:
            click.echo(
                f"internal error: {exc}\nThis is a bug in the kit, not in your code: please tell your instructor.",
                err=True,
            )
            sys.exit(ExitCode.INTERNAL)


@click.group(cls=GraderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="grader")
def cli() -> None:
    """Grade your asyncio exercises: `grader check 01`, `grader hint 01`, `grader list`.

    Instructors grade a whole class with `grader batch` and join shards with `grader merge`.
    """


def main() -> None:
    # each module registers its verb
    from grader.cli import (  # noqa: F401
        batch,
        check,
        export_template,
        gradescope,
        hint,
        listing,
        merge,
        verify,
        workflow,
    )

    try:
        cli(prog_name="grader")
    except Exception:
        import traceback

        traceback.print_exc()
        click.echo("internal error: the grader crashed. This is a bug in the kit, not in your code.", err=True)
        sys.exit(ExitCode.INTERNAL)
