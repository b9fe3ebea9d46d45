"""`--format text`: what a student reads in the terminal after `grader check`.

Colours and symbols come from rich, which drops them when `NO_COLOR` is set or the output is not a terminal.
Each failure says what happened, what was expected, where in the student's file, and the fix; one import
problem is said once, not once per check.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape

from grader.model import CheckResult, ExerciseResult, Status, SubmissionResult

SYMBOLS = {
    Status.PASSED: ("✓", "green"),
    Status.FAILED: ("✗", "red"),
    Status.SKIPPED: ("-", "yellow"),
    Status.TIMEOUT: ("⧗", "red"),
    Status.ERROR: ("✗", "red"),
    Status.CRASHED: ("✗", "red"),
}
MAX_MESSAGE = 400


def _fold(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _check_lines(check: CheckResult, console: Console) -> None:
    symbol, colour = SYMBOLS[check.status]
    points = f"[dim]{check.score}/{check.max_score}[/dim]"
    console.print(f"  [{colour}]{symbol}[/{colour}] {escape(check.title)} {points}")
    if check.passed:
        return
    console.print(
        f"      {escape(_fold(check.message))}", style="bold" if check.status is not Status.SKIPPED else "dim"
    )
    if check.expected:
        console.print(f"      [dim]expected:[/dim] {escape(_fold(check.expected))}")
    if check.location:
        console.print(f"      [dim]at:[/dim] [cyan]{escape(str(check.location))}[/cyan]")
    if check.fix:
        console.print(f"      [dim]fix:[/dim] {escape(_fold(check.fix))}")


def _exercise(exercise: ExerciseResult, console: Console) -> None:
    colour = "green" if exercise.passed else "red" if exercise.score == 0 else "yellow"
    console.print(
        f"[bold]Exercise {exercise.id} · {escape(exercise.title)}[/bold]  "
        f"[{colour}]{exercise.score}/{exercise.max_score}[/{colour}]  [dim]{exercise.file}[/dim]"
    )
    if exercise.message:  # the exercise as a whole could not be graded: say why once
        console.print(f"  [red]✗[/red] {escape(_fold(exercise.message))}", style="bold")
        if exercise.location:
            console.print(f"      [dim]at:[/dim] [cyan]{escape(str(exercise.location))}[/cyan]")
        console.print(f"      [dim]all {len(exercise.checks)} checks score 0 until this is fixed[/dim]")
    else:
        for check in exercise.checks:
            _check_lines(check, console)
    if not exercise.passed:
        console.print(f"  [dim]stuck? run[/dim] grader hint {exercise.id}")
    console.print()


def render(result: SubmissionResult, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for exercise in result.exercises:
        _exercise(exercise, console)
    checks = [c for e in result.exercises for c in e.checks]
    passed = sum(c.passed for c in checks)
    colour = "green" if result.passed else "red"
    console.print(
        f"[bold]Total[/bold] [{colour}]{result.score}/{result.max_score}[/{colour}] points · "
        f"{passed} of {len(checks)} checks passed · {result.duration:.1f} s"
    )
