"""What a batch says while it runs: a live bar on a terminal, one plain line per student anywhere else."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from grader.batch.records import StudentRecord


class LineProgress:
    """For logs and CI: one line per student, nothing that redraws."""

    def __init__(self, stream: TextIO) -> None:
        self.stream: TextIO | None = stream
        self.total = self.done = self.problems = 0

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def start(self, total: int, reused: int) -> None:
        self.total, self.done = total, reused
        skipped = f", {reused} unchanged since the last run" if reused else ""
        self._say(f"grading {total - reused} student(s){skipped}")

    def student_done(self, record: StudentRecord) -> None:
        self.done += 1
        self.problems += record.status != "ok"
        width = len(str(self.total))
        score = "" if record.error else f" {record.result.score}/{record.result.max_score}"
        self._say(f"[{self.done:>{width}}/{self.total}] {record.student}:{score} {record.status}")

    def _say(self, line: str) -> None:
        if self.stream is None:
            return
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except BrokenPipeError:  # `grader batch ... 2>&1 | head`: whoever read the lines has gone, the class has not
            self.stream = None


class TimeLeftColumn(ProgressColumn):
    """rich's estimate, counted down between students. rich's own column shows the estimate made when the last
    student finished, unchanged until the next one does: a class whose last student runs into its time limit would
    read "ETA 0:00:01" for half a minute."""

    def render(self, task: Task) -> Text:
        if task.finished:
            return Text("")
        estimate, made_at = task.fields.get("estimate"), task.fields.get("estimated_at")
        if estimate is None or made_at is None:
            return Text("· ETA -:--:--", style="progress.remaining")
        left = estimate - (task.get_time() - made_at)
        if left <= 0:
            return Text("· ETA passed: slower students still grading", style="progress.remaining")
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"· ETA {hours:d}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


class TerminalProgress:
    """For a person watching: students done, how many had a problem so far, and an estimate of the time left."""

    def __init__(self, stream: TextIO, get_time: Callable[[], float] = time.monotonic) -> None:
        self.problems = 0
        self.progress = Progress(
            TextColumn("[bold]grading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("students · [red]{task.fields[problems]} not ok"),
            TimeElapsedColumn(),
            TimeLeftColumn(),
            console=Console(file=stream),
            transient=False,
            get_time=get_time,
        )
        self.task = None

    def __enter__(self) -> TerminalProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start(self, total: int, reused: int) -> None:
        self.task = self.progress.add_task("grading", total=total, completed=reused, problems=0)

    def student_done(self, record: StudentRecord) -> None:
        self.problems += record.status != "ok"
        self.progress.update(self.task, advance=1, problems=self.problems)
        task = self.progress.tasks[0]
        self.progress.update(self.task, estimate=task.time_remaining, estimated_at=self.progress.get_time())


def progress_for(stream: TextIO) -> LineProgress | TerminalProgress:
    return TerminalProgress(stream) if stream.isatty() else LineProgress(stream)
