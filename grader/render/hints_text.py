"""What `grader hint` prints: the hints unfolded so far, the newest one marked, and how to get the next."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from grader.catalog import Exercise
from grader.invocation import grader_command
from grader.render.console import DETAIL_INDENT, on_one_line, print_wrapped, symbol


def render_hints(console: Console, exercise: Exercise, count: int, newest_is_new: bool) -> None:
    """Hints 1..`count` of `exercise`; the last one stands out when it was just unfolded."""
    total = len(exercise.hints)
    heading = Text()
    heading.append(f"Exercise {exercise.id} {symbol(console, 'dot')} {exercise.title}", style="bold")
    heading.append(f"  hint {count} of {total}" if count < total else f"  all {total} hints", style="dim")
    heading.append(f"  {exercise.relpath}", style="cyan")
    console.print(heading, soft_wrap=True)
    for number, text in enumerate(exercise.hints[:count], start=1):
        newest = number == count and newest_is_new
        first = Text(f"{number}. ".rjust(DETAIL_INDENT), style="bold" if newest else "dim")
        print_wrapped(console, Text(on_one_line(text, 2000), style="" if newest else "dim"), DETAIL_INDENT, first)
    remaining = total - count
    if remaining:
        # One command a line, as `grader status` lists them: in one sentence, the second command fell across
        # the line's end at 80 columns ("grader hint 01" here, "--all" on the next line).
        more = "1 more" if remaining == 1 else f"{remaining} more"
        one = f"{grader_command()} hint {exercise.id}"
        every = f"{one} --all"
        width = len(every) + 3
        console.print(Text.assemble(
            "  ", one.ljust(width), (f"again for the next hint ({more})", "dim"), "\n",
            "  ", every.ljust(width), ("every hint at once", "dim"),
        ), soft_wrap=True)  # fmt: skip
    else:
        print_wrapped(console, Text(
            # Not "walks through the lesson's example": the lesson has none for some exercises (09's debug mode).
            f"That was the last hint. The docstring at the top of {exercise.relpath} explains the task, with "
            "examples.", style="dim",
        ), 2)  # fmt: skip
