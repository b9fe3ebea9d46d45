"""The overview of `grader status` (and `grader` alone): every exercise's state, a progress bar, what is next."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from grader.invocation import grader_command
from grader.progress import Overview, Stage
from grader.render.console import print_wrapped, progress_bar, symbol

_STAGES = {
    Stage.PASSED: ("passed", "green"),
    Stage.FAILING: ("failed", "red"),
    Stage.NOT_STARTED: ("dot", "dim"),
    Stage.MISSING: ("failed", "red"),
    Stage.EDITED: ("skipped", "yellow"),
}

_PROBLEMS = {
    "syntax_error": "syntax error",
    "import_error": "does not import",
    "timeout": "timed out",
    "crashed": "crashed",
}
"""What stopped an exercise's last grading as a whole, said beside its state: a file that does not compile is not
merely failing, and `grader check` says where."""


def render_overview(overview: Overview, console: Console) -> None:
    total = len(overview.exercises)
    heading = Text()
    heading.append("asyncio-kit", style="bold")
    heading.append(f" {symbol(console, 'dot')} {overview.passed} of {total} exercises pass")
    heading.append(f" {symbol(console, 'dot')} {overview.score}/{overview.max_score} points")
    console.print(heading, soft_wrap=True)
    percent = round(100 * overview.passed / total) if total else 100
    console.print(Text(progress_bar(console, overview.passed, total, width=30), style="green") + f" {percent}%")
    upcoming = overview.next
    width = max((len(p.exercise.title) for p in overview.exercises), default=0)
    for item in overview.exercises:
        name, colour = _STAGES[item.stage]
        line = Text("  ")
        line.append(symbol(console, name), style=colour)
        line.append(f" {item.exercise.id}  {item.exercise.title.ljust(width)}  ")
        line.append(f"{item.score:>3}/{item.max_score:<3}", style="dim" if item.stage is Stage.NOT_STARTED else colour)
        line.append(f"  {item.stage.value}", style="dim")
        if problem := _PROBLEMS.get(item.outcome):
            line.append(f": {problem}", style=colour)
        if item is upcoming:
            line.append("   <- next", style="bold")
        console.print(line, soft_wrap=True)
    console.print()
    if upcoming is None:
        console.print(Text("Every exercise passes. Well done!", style="bold green"))
        return
    exercise = upcoming.exercise
    name = f"exercise {exercise.id} {symbol(console, 'dot')} {exercise.title}  "
    console.print(Text.assemble(("Next: ", "bold"), name, (exercise.relpath, "cyan")), soft_wrap=True)
    print_wrapped(console, Text(exercise.topic, style="dim"), 2)
    watch, hint = f"{grader_command()} watch", f"{grader_command()} hint {exercise.id}"
    width = len(hint) + 5
    console.print(Text.assemble(
        f"  {watch.ljust(width)}", ("re-grades it each time you save", "dim"), "\n",
        f"  {hint.ljust(width)}", ("one hint at a time", "dim"),
    ), soft_wrap=True)  # fmt: skip
