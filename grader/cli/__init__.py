"""The `grader` command: a thin layer over functions that return results; one module per verb.

Exit codes are `ExitCode`; a `GraderError` becomes one clear line and its exit code here, at the boundary.
`grader` alone shows the student's progress (`grader status`).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from enum import IntEnum
from typing import Any

from grader.environment import exit_if_unusable

# Before click and rich are imported: a too-old Python or a missing package gets a sentence, not a traceback.
exit_if_unusable({"click", "rich"})

import click  # noqa: E402 - only once the check above has passed

from grader import __version__  # noqa: E402


class ExitCode(IntEnum):
    OK = 0
    """Every check passed (or the output carries the verdict: `--exit-zero`, `--format classroom`)."""
    CHECKS_FAILED = 1
    """A check failed (`grader check`), or the kit is not as it should be (`grader verify`, `workflow --check`)."""
    USAGE = 2
    """A `UsageError` (an unknown exercise, no `exercises/` folder), a bad option (click's own), a missing package."""
    INTERNAL = 3
    """A bug in the kit, or a file the machine refused to let the grader write (`MachineRefused`: a full disk)."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C, SIGTERM or SIGHUP (the convention of shells, 128 + SIGINT)."""


INSTRUCTORS = frozenset({"batch", "merge", "export-template", "gradescope", "workflow", "verify"})
"""Commands for those who grade or maintain the kit: `grader --help` lists them apart from the student's."""


class GraderGroup(click.Group):
    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Two lists, so that a student reads their own commands first and the instructors' ones as such."""
        # No walrus here: this module must parse on Python 3.7 too, to say that the grader needs a newer one.
        listed = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in listed if command is not None and not command.hidden]
        for title, wanted in (("Commands", False), ("For instructors", True)):
            rows = [
                (name, command.get_short_help_str(limit=formatter.width - 20))
                for name, command in shown
                if (name in INSTRUCTORS) is wanted
            ]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        from grader.errors import GraderError, MachineRefused, UsageError
        from grader.messages import safe_text

        # An error may name a student's folder or file (`two repositories are called …`), whatever its name holds.
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(_folded(f"error: {safe_text(str(exc))}"), err=True)
            sys.exit(ExitCode.USAGE)
        except MachineRefused as exc:
            click.echo(_folded(f"error: {safe_text(str(exc))}"), err=True)
            sys.exit(ExitCode.INTERNAL)
        except GraderError as exc:
            click.echo(
                f"internal error: {safe_text(str(exc))}\n"
                "This is a bug in the kit, not in your code: please tell your instructor.",
                err=True,
            )
            sys.exit(ExitCode.INTERNAL)
        except KeyboardInterrupt:
            with contextlib.suppress(OSError):  # the terminal that was closed is gone
                click.echo("\nstopped.", err=True)
            sys.exit(ExitCode.INTERRUPTED)


def _folded(message: str) -> str:
    """`message` folded between words to the width of the terminal it goes to, as every report is: left to the
    terminal, a long error line breaks mid-word (`grader list` cut in two). A command in backticks stays on one
    line. A pipe or a log gets the message unchanged."""
    import re
    import shutil
    import textwrap

    if not sys.stderr.isatty():
        return message
    width = max(40, shutil.get_terminal_size().columns - 1)
    kept = re.sub(r"`[^`\n]*`", lambda m: m.group().replace(" ", "\0"), message)
    lines = (
        textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
        for line in kept.splitlines()
    )
    return "\n".join(lines).replace("\0", " ")


def _stop(signum: int, frame: object) -> None:
    # Once is enough: a second SIGTERM or SIGHUP (systemd sends both, CI runners repeat theirs) must not cut short
    # the cleanup the first one started. SIGKILL still stops everything.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    raise KeyboardInterrupt


def stop_on_signals(*, interrupt: bool = False) -> None:
    """A closed terminal (SIGHUP) or a `kill` (SIGTERM, a cancelled CI job) stops the grader as Ctrl-C does, so
    that its temporary copies are removed and its suites stopped on the way out. A signal the caller ignores
    (`nohup`) stays ignored, except SIGINT with `interrupt=True`: a shell starts background jobs with SIGINT
    ignored, and a batch must still stop on `kill -INT`."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers (the grader called from a test's thread, say)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is not signal.SIG_IGN:
            signal.signal(sig, _stop)
    if interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@click.group(cls=GraderGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="grader")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Grade your asyncio exercises.

    \b
    grader               where you stand, and what is next (same as `grader status`)
    grader watch         re-grade the exercise you work on each time you save it
    grader check 01      grade exercise 01 once
    grader hint 01       one more hint for exercise 01
    grader list          the exercises and their topics
    grader reset 01      start exercise 01 again (your version is saved aside)

    Instructors: the commands for grading a class and for the kit itself are listed apart, below.
    """
    if ctx.invoked_subcommand is None:
        from grader.cli.status import status

        ctx.invoke(status)


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
        reset,
        status,
        verify,
        watch,
        workflow,
    )

    stop_on_signals()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that is not UTF-8 (LANG=C, PYTHONIOENCODING=ascii) gets escapes for what it cannot
        # show, such as a student's "ü" or the kit's "…", rather than a UnicodeEncodeError.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")
    try:
        cli(prog_name="grader")
    except Exception:
        import traceback

        traceback.print_exc()
        click.echo("internal error: the grader crashed. This is a bug in the kit, not in your code.", err=True)
        sys.exit(ExitCode.INTERNAL)
