"""`grader watch`: grade the exercise being worked on each time its file is saved, and move on when it passes.

Everything the student sees is drawn by the main thread (`grader.watch_screen` draws what surrounds a verdict),
from events that three kinds of helper threads put on one queue: the file watcher (watchfiles, native events or
polling) and the keyboard (when stdin is a terminal), both in `grader.watch_sources`, and the grading of the
moment. A save during a grading cancels it (the runner kills its process) and grades the new text instead, and a
verdict on a file that has changed since is thrown away: the screen never shows a verdict on text that is no
longer in the file. Nothing the student's file does can stop the watcher: a broken file is a result like any
other, and even a failure of a grading is shown and survived. Only a folder that can be watched neither by file
events nor by polling ends the watcher, saying so.

Speed: once a verdict is on screen, the process that will grade the next save is started
(`suite_process.WarmStart`), so that a save waits for its checks, not for Python and pytest to start.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.live import Live
from rich.text import Text

from grader.catalog import Catalog, Exercise
from grader.errors import GraderError, GradingCancelled, InternalError, UsageError
from grader.invocation import grader_command
from grader.live import GradingLine, can_show_braille, start_line
from grader.messages import safe_text
from grader.model import ExerciseResult
from grader.pristine import file_fingerprint
from grader.progress import first_not_passing, remember
from grader.render.console import forget_interrupted_write, print_wrapped
from grader.render.text_format import render_exercise
from grader.runner import grade_exercise
from grader.suite_process import Cancellation, WarmStart
from grader.watch_screen import HINT_KEY, Screen
from grader.watch_sources import Event, keyboard, start_file_watcher


@dataclass
class Graded:
    generation: int
    exercise: Exercise
    result: ExerciseResult
    fingerprint: str | None
    """The file's fingerprint when the grading started."""
    seconds: float


def grader_failure_message(relpath: str, exc: Exception) -> str:
    """What the watcher shows when grading `relpath` failed: the machine's problem, or a bug of the kit's. Made safe
    to show, as `grader.cli` does at its boundary: the text may quote a file's name or a process's output."""
    if isinstance(exc, GraderError) and not isinstance(exc, InternalError):
        return safe_text(f"could not grade {relpath}: {exc}")
    said = str(exc) or type(exc).__name__  # an exception is always true: `exc or ...` never fell back
    return safe_text(
        f"the grader failed on {relpath}: {said}. This is a bug in the kit, not in your code: please tell your"
        " instructor."
    )


class Watcher:
    """One `grader watch` session over the submission at `root`."""

    def __init__(self, root: Path, catalog: Catalog, console: Console, *, poll: bool | None = None) -> None:
        self.root = root
        self.catalog = catalog
        self.console = console
        self.screen = Screen(console)
        self.poll = poll
        self.events: queue.Queue[Event] = queue.Queue()
        self.stop = threading.Event()
        self.current: Exercise | None = None
        self.previous: ExerciseResult | None = None
        """The last result shown for the current exercise: the next one is shown as changes from it."""
        self.generation = 0
        self.shown_generation = 0
        """The grading whose outcome is on screen; another number in `generation` means one is under way."""
        self.shown_fingerprint: str | None = None
        """The fingerprint of the file as it was graded for what is on screen."""
        self.cancellation: Cancellation | None = None
        self.hint_again: dict[str, int] = {}
        """Per exercise, the hint the `h` key showed last, once every hint has been seen."""
        self.grading: threading.Thread | None = None
        self.warm: WarmStart | None = None
        """A pytest process started for the current exercise, waiting for the next save (see `WarmStart`)."""
        self.grading_fingerprint: str | None = None
        """The file's fingerprint when the latest grading started."""
        self.noted_elsewhere: set[str] = set()
        """The files of other exercises whose saves this session has said it does not grade."""
        self.progress: Live | None = None
        """The line that says which check of the grading under way runs (on a terminal)."""

    # ---- the session ------------------------------------------------------------------------------------------

    def run(self, start: Exercise) -> int:
        """Watch from exercise `start` until every exercise passes or the student quits; returns the exit code."""
        self.current = start
        self._start_file_watcher(self.poll)
        try:
            with keyboard(self.events, self.stop) as self.screen.keys:
                self._grade()
                return self._loop()
        except KeyboardInterrupt:  # Ctrl-C, or a closed terminal (SIGHUP), or a kill (SIGTERM)
            with contextlib.suppress(OSError):  # a closed terminal takes no more output
                self._stop_progress()
                forget_interrupted_write(self.console)
                self.console.print()
                self.console.print("Stopped watching.")
            return 0  # Ctrl-C is how a watch session ends, as `q` is: not the interruption of a grading (130)
        finally:
            with contextlib.suppress(OSError):
                self._stop_progress()
            self.stop.set()
            if self.cancellation is not None:
                self.cancellation.cancel()
            if self.grading is not None:
                self.grading.join(timeout=5)  # its process is killed; let it remove its workspace
            self._drop_warm_start()

    def _loop(self) -> int:
        while True:
            try:
                event = self.events.get(timeout=0.5)
            except queue.Empty:
                continue
            if event.kind == "changed" and self.current.filename in event.value:
                self._grade_unless_under_way()
            elif event.kind == "changed":
                self._note_other_exercises(event.value)
            elif event.kind == "quiet":
                self._grade_if_saved_unseen()
            elif event.kind == "graded" and event.value.generation == self.generation:
                if self._on_graded(event.value):
                    return 0
            elif event.kind == "failed" and event.value[0] == self.generation:
                self._on_grader_failure(*event.value)
            elif event.kind == "watcher_failed":
                self._on_watcher_failure(event.value)
            elif event.kind == "key" and self._on_key(event.value):
                return 0

    def _on_key(self, key: str) -> bool:
        """Do what the key `key` asks; returns whether it ends the session."""
        if key in ("q", "Q", "\x04"):
            self._stop_progress()
            self.console.print("Stopped watching.")
            return True
        if key in ("r", "R"):
            # Asked for, not saved: the file is as last graded, so "what changed" would be "nothing" in place of
            # the explanations on screen. Show the verdict whole instead.
            self.previous = None
            self._grade()
        elif key in ("h", "H"):
            self._hint()
        elif key in ("\r", "\n"):
            self.screen.busy_terminal(self.current)
        return False

    # ---- grading ----------------------------------------------------------------------------------------------

    def _grade(self) -> None:
        """Grade the current exercise in the background, abandoning any grading still under way."""
        if self.cancellation is not None:
            self.cancellation.cancel()
        self.generation += 1
        generation, exercise, cancellation = self.generation, self.current, Cancellation()
        self.cancellation = cancellation
        before = self.grading_fingerprint = file_fingerprint(self.root / exercise.relpath)

        def work() -> None:
            started = time.perf_counter()
            try:
                result = grade_exercise(exercise, self.root, cancellation=cancellation, warm=warm, on_check=on_check)
            except GradingCancelled:
                return
            except Exception as exc:  # the watcher outlives even a bug in the grader: show it, keep watching
                self.events.put(Event("failed", (generation, exc, before)))
                return
            self.events.put(
                Event("graded", Graded(generation, exercise, result, before, time.perf_counter() - started))
            )

        self._stop_progress()
        line = None
        if self.console.is_terminal and not self.screen.keep:  # erased before the verdict, so never left stale
            # From the start (a save is acknowledged at once), then which check runs: an endless loop costs its
            # exercise up to four times a check's time limit, and a line that does not move looks like a hang.
            line = GradingLine([exercise], unicode=can_show_braille(self.console), quiet_for=0, label=exercise.relpath)
            self.progress = start_line(line, self.console)
        on_check = partial(line.check_started, exercise) if line is not None else None
        self.grading = threading.Thread(target=work, name=f"grading-{generation}", daemon=True)
        warm = self.warm  # the grading takes it over (and closes it) once started; until then _drop_warm_start does
        self.grading.start()
        self.warm = None

    def _note_other_exercises(self, names: set[str]) -> None:
        """Say once per file that a save of another exercise's file is not graded here: a student who works on
        exercise 06 in a watcher started on 05 would otherwise wait for a verdict that never comes."""
        for exercise in self.catalog:
            if exercise.filename in names and exercise.filename not in self.noted_elsewhere:
                self.noted_elsewhere.add(exercise.filename)
                self.screen.other_exercise_saved(exercise, self.current)

    def _stop_progress(self) -> None:
        """Erase the line that says which check runs, before anything else is drawn."""
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.stop()

    def _warm_up(self) -> None:
        """Start the process that will grade the next save, now that no grading competes with it for the CPU."""
        self._drop_warm_start()
        try:
            self.warm = WarmStart(self.current)
        except OSError:
            self.warm = None  # no process to spare right now: the next grading starts from cold

    def _drop_warm_start(self) -> None:
        if self.warm is not None:
            self.warm.close()
            self.warm = None

    def _grade_unless_under_way(self) -> None:
        """Grade, unless the grading under way is of the very text in the file (a quiet report saw it first)."""
        under_way = self.shown_generation != self.generation
        if not (under_way and file_fingerprint(self.root / self.current.relpath) == self.grading_fingerprint):
            self._grade()

    def _grade_if_saved_unseen(self) -> None:
        """Grade again if the file differs from the one last graded, no event said so, and nothing is being graded."""
        idle = self.shown_generation == self.generation
        if idle and file_fingerprint(self.root / self.current.relpath) != self.shown_fingerprint:
            self._grade()

    def _on_graded(self, graded: Graded) -> bool:
        """Show a verdict; True when every exercise passes and the session is over."""
        if file_fingerprint(self.root / graded.exercise.relpath) != graded.fingerprint:
            self._grade()  # saved again while it was graded: this verdict is already stale
            return False
        self.shown_generation, self.shown_fingerprint = graded.generation, graded.fingerprint
        self._stop_progress()
        remember(self.root, [(graded.result, graded.fingerprint)])
        with self.console:  # one write: a terminal never shows a verdict without what follows it
            self.screen.new()
            render_exercise(self.console, graded.result, self.previous, stuck=HINT_KEY if self.screen.keys else None)
            if graded.result.passed:
                return self._move_on(graded)
            self.screen.footer(self.root, self.catalog, self.current, graded.result, graded.seconds)
        self.previous = graded.result
        self._warm_up()
        return False

    def _move_on(self, graded: Graded) -> bool:
        """Say that the exercise passes and grade the next one not known to pass; True when none is left."""
        upcoming = self._next_after(graded.exercise)
        self.screen.passed(graded.result, upcoming)
        if upcoming is None:
            return True
        self.current, self.previous, self.screen.keep = upcoming, None, True
        self._grade()
        return False

    def _next_after(self, exercise: Exercise) -> Exercise | None:
        """The first exercise after `exercise` (wrapping around) not known to pass, or None when all pass."""
        order = list(self.catalog)
        start = order.index(exercise) if exercise in order else -1
        return first_not_passing(self.root, [e for e in order[start + 1 :] + order[: start + 1] if e != exercise])

    def _on_grader_failure(self, generation: int, exc: Exception, fingerprint: str | None) -> None:
        self.shown_generation, self.shown_fingerprint = generation, fingerprint
        self._stop_progress()
        message = grader_failure_message(self.current.relpath, exc)
        with self.console:
            self.screen.new()
            print_wrapped(self.console, Text(message, style="bold red"), 0)
            self.screen.footer(self.root, self.catalog, self.current)
        self.previous = None
        self._warm_up()

    # ---- keys and event sources -------------------------------------------------------------------------------

    def _hint(self) -> None:
        from grader.hints import reveal

        count, added = reveal(self.root, self.current)
        total = len(self.current.hints)
        if not added:  # every hint seen already: go round them again, one per key, rather than repeat the last
            count = self.hint_again.get(self.current.id, total) % total + 1
        self.hint_again[self.current.id] = count
        self.screen.hint(self.current.hints[count - 1], count, total, again=not added)

    def _start_file_watcher(self, poll: bool | None) -> None:
        start_file_watcher(self.root / "exercises", self.events, self.stop, poll)

    def _on_watcher_failure(self, failure: tuple[Exception, bool | None]) -> None:
        exc, polling = failure
        if polling:
            raise UsageError(
                f"cannot watch {self.root / 'exercises'} for changes, not even by polling ({exc}); "
                f"grade after each save with `{grader_command()} check NN` instead"
            )
        self.console.print(Text(f"file events unavailable ({exc}); polling for changes instead", style="yellow"))
        self._start_file_watcher(True)
