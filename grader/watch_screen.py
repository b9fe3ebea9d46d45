"""What `grader watch` draws around its verdicts: a fresh screen for each, the footer under it, the lines that say an
exercise passes and which comes next, hints and notes. The session (`grader.watch`) decides when; this, how.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from grader.catalog import Catalog, Exercise
from grader.invocation import grader_command
from grader.model import ExerciseResult
from grader.progress import Stage, known_progress
from grader.render.console import print_wrapped, progress_bar, symbol
from grader.state import load

KEYS = "h: next hint · r: grade again · q: quit"
HINT_KEY = Text.assemble(("press ", "dim"), "h", (" for a hint", "dim"))
"""With keys, the watcher's way to a hint: a student who reads "run grader hint NN" would leave the watcher."""


class Screen:
    """The watcher's terminal (or pipe), and what it needs to remember of what it drew."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.keys = False
        """Single keys are read (stdin is a terminal): the footer lists them and the verdict offers `h`."""
        self.keep = False
        """Draw the next result below what is on screen (the "passes, moving on" message) instead of clearing."""
        self.screens = 0

    def new(self) -> None:
        """Make room for a verdict: clear a terminal, or draw a rule between verdicts in a pipe."""
        self.screens += 1
        if self.keep:
            self.keep = False
        elif self.console.is_terminal:
            self.console.clear()
        elif self.screens > 1:
            self.console.print(Text("-" * 40, style="dim"))

    def footer(
        self,
        root: Path,
        catalog: Catalog,
        watched: Exercise,
        result: ExerciseResult | None = None,
        seconds: float | None = None,
    ) -> None:
        """What is watched, the class's progress, and the verdict's score and time (when it was graded)."""
        line = Text()
        if seconds is not None:
            line.append(f"graded in {seconds:.1f} s {symbol(self.console, 'dot')} ", style="dim")
        line.append("watching ", style="dim")
        line.append(watched.relpath, style="cyan")
        line.append(": save it to grade it again", style="dim")
        self.console.print()
        print_wrapped(self.console, line, 0)
        remembered = load(root)
        passed = sum(known_progress(root, e, remembered).stage is Stage.PASSED for e in catalog)
        bar = Text(progress_bar(self.console, passed, len(catalog)), style="green")
        bar.append(f" {passed} of {len(catalog)} exercises pass", style="dim")
        if result is not None:  # the score again, down here: a long verdict scrolls its heading off the screen
            bar.append(f" {symbol(self.console, 'dot')} ", style="dim")
            bar.append(f"exercise {result.id}: {result.score}/{result.max_score} points", style="bold")
        self.console.print(bar)
        if self.keys:
            self.console.print(Text(KEYS, style="dim"))

    def passed(self, result: ExerciseResult, upcoming: Exercise | None) -> None:
        """Exercise `result` passes; then the exercise the watcher moves on to, or that every exercise passes."""
        line = Text()
        line.append(f"{symbol(self.console, 'passed')} Exercise {result.id} passes", style="bold green")
        line.append(f": {result.score}/{result.max_score} points.", style="green")
        self.console.print()
        self.console.print(line)
        if upcoming is None:
            self.console.print(Text("Every exercise passes. Well done!", style="bold green"))
            return
        name = f"exercise {upcoming.id} {symbol(self.console, 'dot')} {upcoming.title}"
        line = Text.assemble(("Moving on to ", "bold"), (name, "bold"), ": ", (upcoming.relpath, "cyan"))
        self.console.print(line, soft_wrap=True)
        print_wrapped(self.console, Text(upcoming.topic, style="dim"), 2)
        self.console.print()

    def other_exercise_saved(self, saved: Exercise, watched: Exercise) -> None:
        print_wrapped(self.console, Text(
            f"{saved.relpath} was saved; this watcher grades {watched.relpath}: press q, then run"
            f" `{grader_command()} watch {saved.id}` to work on exercise {saved.id}.", style="yellow",
        ), 0)  # fmt: skip

    def busy_terminal(self, watched: Exercise) -> None:
        """Enter pressed: a student typed a command (`grader check 05`) into the watcher's terminal, whose letters
        were taken for keys (each `r` graded again, an `h` unfolded a hint) and whose Enter would do nothing."""
        note = Text(
            f"This terminal is watching {watched.relpath}: only the keys h, r and q work here. Type commands"
            " in another terminal, or press q to stop watching first.",
            style="yellow",
        )
        with self.console:
            self.console.print()
            print_wrapped(self.console, note, 2)

    def hint(self, text: str, count: int, total: int, *, again: bool) -> None:
        """Hint `count` of `total`; `again` when every hint had been seen already."""
        first = Text(f"hint {count} of {total}{', again' if again else ''}: ", style="bold")
        with self.console:
            self.console.print()
            print_wrapped(self.console, Text(text), 2, Text("  ") + first)
            if not again and count == total:
                self.console.print(Text("  (that was the last one)", style="dim"))
