"""`grader reset NN`: put the untouched stub back, after saving the student's version aside."""

from __future__ import annotations

import click

from grader.cli import cli
from grader.cli.common import console, here, write_failure
from grader.errors import MachineRefused


@cli.command()
@click.argument("exercise")
def reset(exercise: str) -> None:
    """Start an exercise again from its stub; your version is saved in .grader-backups/ first."""
    from grader.catalog import load_catalog
    from grader.pristine import is_untouched
    from grader.pristine import reset as put_back
    from grader.state import updating

    root = here()
    chosen = load_catalog().get(exercise)
    out = console()
    if is_untouched(root, chosen):
        out.print(f"{chosen.relpath} is already the untouched stub: nothing to reset.", soft_wrap=True)
        return
    try:
        backup = put_back(root, chosen)
    except OSError as exc:  # a read-only folder, a file named .grader-backups: the student's machine, not a bug
        # The backup is written before the stub: a failure leaves the student's version where it was.
        raise MachineRefused(f"{write_failure(exc, root)}; nothing was reset, {chosen.relpath} is as it was") from exc
    with updating(root) as state:
        state.of(chosen.id).verdict = None
    if backup is None:
        out.print(f"{chosen.relpath} was missing: the stub is back.", soft_wrap=True)
        return
    saved = backup.relative_to(root)
    out.print(f"Saved your version as [cyan]{saved}[/cyan]", soft_wrap=True, highlight=False)
    out.print(f"{chosen.relpath} is the untouched stub again.", soft_wrap=True)
    out.print(f"[dim]To get your version back:[/dim] cp {saved} {chosen.relpath}", soft_wrap=True)
