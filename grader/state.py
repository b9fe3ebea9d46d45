"""What the grader remembers between runs, per exercise, in `.grader-state.json` at the submission root.

Git ignores the file (see .gitignore). It holds how many hints the student has unfolded and the last verdict
on each exercise together with the fingerprint of the file it judged, so that `grader status` does not grade
an exercise again until its file changes. Losing it loses nothing that matters: a missing, unreadable or
foreign file reads as a fresh start.

Several `grader` commands may run at once (a watcher in one terminal, `grader hint` in another), so every
change re-reads the file under an advisory lock on the submission folder and replaces it in one step.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader.pristine import write_atomically

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, and a lost update costs at most a hint
    fcntl = None

STATE_FILE = ".grader-state.json"
STATE_VERSION = 1


@dataclass
class Verdict:
    """The last grading of one exercise."""

    fingerprint: str
    """`grader.pristine.fingerprint` of the file that was graded."""
    score: int
    max_score: int
    stage: str
    """A `grader.progress.Stage` value: "not started", "failing" or "passed"."""
    outcome: str = "ok"
    """The grading's `grader.model.Outcome` value: "syntax_error" when the file did not compile, say."""


@dataclass
class ExerciseState:
    hints_shown: int = 0
    verdict: Verdict | None = None


@dataclass
class State:
    exercises: dict[str, ExerciseState] = field(default_factory=dict)

    def of(self, exercise_id: str) -> ExerciseState:
        return self.exercises.setdefault(exercise_id, ExerciseState())

    def to_json(self) -> str:
        exercises = {key: asdict(value) for key, value in sorted(self.exercises.items())}
        return json.dumps({"version": STATE_VERSION, "exercises": exercises}, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> State:
        """The state in `text`; anything unreadable counts as a fresh start rather than an error."""
        try:
            data = json.loads(text)
            if data.get("version") != STATE_VERSION:
                return cls()
            exercises = {}
            for key, raw in data.get("exercises", {}).items():
                verdict = Verdict(**raw["verdict"]) if raw.get("verdict") else None
                exercises[str(key)] = ExerciseState(int(raw.get("hints_shown", 0)), verdict)
            return cls(exercises)
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls()


def state_path(root: Path) -> Path:
    return root / STATE_FILE


def load(root: Path) -> State:
    try:
        return State.from_json(state_path(root).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):  # missing, unreadable (a sudo run left it root's), a folder, a loop
        return State()


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """An exclusive lock on the submission folder, or none where the system refuses one (some NFS, Windows)."""
    if fcntl is None:
        yield
        return
    try:
        descriptor = os.open(root, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    except OSError:
        os.close(descriptor)
        yield
        return
    try:
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextlib.contextmanager
def updating(root: Path) -> Iterator[State]:
    """`with updating(root) as state:` read the latest state, change it, and save it on leaving the block.

    A state that cannot be saved (a read-only folder) is worth a note, never a failed command.
    """
    with _locked(root):
        state = load(root)
        yield state
        try:
            write_atomically(state_path(root), state.to_json().encode())
        except OSError as exc:
            print(f"note: could not save {STATE_FILE} ({exc.strerror}); progress is not remembered", file=sys.stderr)


def remember(root: Path, verdicts: dict[str, Verdict | None]) -> None:
    """Record the verdict of each exercise id; None forgets it (the file was missing)."""
    with updating(root) as state:
        for exercise_id, verdict in verdicts.items():
            state.of(exercise_id).verdict = verdict
