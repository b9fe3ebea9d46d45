"""What `grader check` shows on a terminal while it grades: one line that says which check of which exercise is
running, for how long, and how many exercises are done; gone once the report is printed.

Most gradings take a second and show nothing (the line appears after `QUIET_FOR`); an endless loop costs its
exercise up to four times a check's time limit, and a student looking at a silent terminal for twelve seconds
cannot tell a grader that hangs from a check that waits out their code. The line goes to stderr, and only to a
terminal: a pipe, a file or a CI log gets the report alone.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.live import Live
from rich.text import Text

from grader.catalog import Exercise
from grader.model import ExerciseResult
from grader.render.console import can_encode

QUIET_FOR = 0.7
"""Seconds of grading before the line appears: a fast grading does not flicker."""
SHOWN_AFTER = 1.0
"""Seconds a check has run before its time is shown next to it."""
_SPINNER = ("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏", "|/-\\")


class GradingLine:
    """A `grader.runner.Progress` that rich renders as one line, each time it refreshes."""

    def __init__(
        self, exercises: list[Exercise], *, unicode: bool = True, quiet_for: float = QUIET_FOR, label: str = ""
    ) -> None:
        """`quiet_for`: seconds of grading before the line says anything; `label`: what one exercise is called
        (its number by default; `grader watch` names the file it watches)."""
        self._total = len(exercises)
        self._quiet_for = quiet_for
        self._label = label or (exercises[0].id if len(exercises) == 1 else "")
        self._numbers = {e.id: {c.name: n for n, c in enumerate(e.checks, 1)} for e in exercises}
        self._running: dict[str, tuple[int, float]] = {}
        """Exercise id to the number of the check it runs and when that check started."""
        self._done = 0
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._frames, self._dot = (_SPINNER[0], "·") if unicode else (_SPINNER[1], "|")

    def check_started(self, exercise: Exercise, name: str) -> None:
        with self._lock:
            self._running[exercise.id] = (self._numbers[exercise.id].get(name, 0), time.monotonic())

    def exercise_done(self, result: ExerciseResult) -> None:
        with self._lock:
            self._running.pop(result.id, None)
            self._done += 1

    def text(self, now: float | None = None) -> str:
        """The line as it reads at `now`; empty while the grading is young."""
        now = time.monotonic() if now is None else now
        if now - self._started < self._quiet_for:
            return ""
        with self._lock:
            running, done = sorted(self._running.items()), self._done
        checks = []
        for exercise_id, (number, since) in running:
            count = len(self._numbers[exercise_id])
            taken = f", {now - since:.0f} s" if now - since >= SHOWN_AFTER else ""
            check = f"check {number} of {count}{taken}"
            checks.append(check if self._total == 1 else f"{exercise_id}: {check}")
        spinner = self._frames[int(now * 10) % len(self._frames)]
        if self._total == 1:
            return f"{spinner} grading {self._label}" + (f": {checks[0]}" if checks else "...")
        running_now = "".join(f" {self._dot} {c}" for c in checks)
        return f"{spinner} grading: {done} of {self._total} exercises done{running_now}"

    def __rich__(self) -> Text:
        return Text(self.text(), style="dim", no_wrap=True, overflow="ellipsis")


def start_line(line: GradingLine, console: Console) -> Live:
    """`line` kept at the bottom of `console` until the returned `Live` is stopped (which erases it)."""
    # Not redirected: what the process writes to stdout meanwhile (a report bound for a file) stays on stdout.
    live = Live(line, console=console, transient=True, refresh_per_second=10, redirect_stdout=False,
                redirect_stderr=False)  # fmt: skip
    live.start()
    return live


def can_show_braille(console: Console) -> bool:
    return can_encode(console.encoding, _SPINNER[0] + "·")


@contextmanager
def shown_while_grading(exercises: list[Exercise], stream: TextIO) -> Iterator[GradingLine | None]:
    """A `GradingLine` kept on `stream` while the block runs, when `stream` is a terminal; else None."""
    if not stream.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    console = Console(file=stream, highlight=False, emoji=False)
    line = GradingLine(exercises, unicode=can_show_braille(console))
    live = start_line(line, console)
    try:
        yield line
    finally:
        live.stop()
