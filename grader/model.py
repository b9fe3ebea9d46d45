"""One results model, rendered by every output format (exercism's `Results`, check50's result record).

A `SubmissionResult` holds one `ExerciseResult` per graded exercise, which holds one `CheckResult` per check.
`to_dict()` gives the documented JSON form (see `grader/render/json_format.py`); `from_dict()` reads it back, so that
outputs can be merged and re-rendered without grading again.

Much of the text here comes from students: what their code printed or raised, the names of their files and
folders. Every text field is made safe to show as it is set (`grader.messages.safe_text`; names and titles also
on one line, `safe_line`), whether by a constructor, an assignment or `from_dict`: a control sequence in it is
shown as an escape (`\\x1b[2J`) by every output format, never obeyed by a terminal, an editor or a browser.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, ClassVar

from grader.messages import safe_line, safe_text
from grader.printed import shown_lines

SCHEMA_VERSION = 1


def _shown(value: Any, one_line: bool) -> Any:
    """`value` made safe to show when it is text or a list of texts (`grader.messages`); anything else as it is."""
    if type(value) is str:  # not a Status or an Outcome, which are str too
        return safe_line(value) if one_line else safe_text(value)
    if isinstance(value, list) and all(type(item) is str for item in value):
        return [_shown(item, one_line) for item in value]
    return value


class _SafeText:
    """A dataclass whose text fields are made safe to show whenever they are set (see the module's docstring)."""

    _TEXT: ClassVar[frozenset[str]] = frozenset()
    _LINES: ClassVar[frozenset[str]] = frozenset()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._TEXT or name in self._LINES:
            value = _shown(value, name in self._LINES)
        super().__setattr__(name, value)


class Status(str, Enum):
    """What became of one check."""

    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    """Not run because a check it depends on failed."""
    TIMEOUT = "timeout"
    """Stopped at its time limit (the check's own, or what was left of the exercise's)."""
    ERROR = "error"
    """Not run: the exercise file is missing or cannot be imported."""
    CRASHED = "crashed"
    """The process running the check died (os._exit, a signal, memory)."""


class Outcome(str, Enum):
    """What became of one exercise as a whole, for gradebooks: the worst thing that happened."""

    OK = "ok"
    """Graded normally: every check ran and got its verdict."""
    MISSING = "missing"
    SYNTAX_ERROR = "syntax_error"
    IMPORT_ERROR = "import_error"
    TIMEOUT = "timeout"
    CRASHED = "crashed"

    def worse(self, other: Outcome) -> Outcome:
        """The worse of two outcomes: a run that both crashed and timed out crashed."""
        return min(self, other, key=WORST_FIRST.index)


WORST_FIRST = (
    Outcome.CRASHED,
    Outcome.TIMEOUT,
    Outcome.SYNTAX_ERROR,
    Outcome.IMPORT_ERROR,
    Outcome.MISSING,
    Outcome.OK,
)
"""Exercise outcomes from worst to best; a student's status in a gradebook is the worst among their exercises."""


@dataclass(frozen=True)
class Location:
    """A place in the student's file, 1-based, relative to the submission root."""

    file: str
    line: int
    function: str | None = None

    def __post_init__(self) -> None:  # frozen: set once, here
        object.__setattr__(self, "file", _shown(self.file, True))
        object.__setattr__(self, "function", _shown(self.function, True))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where} in {self.function}" if self.function else where

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        """The location `data` holds, as `asdict` writes one; None for none. Raises KeyError, TypeError or
        ValueError for anything else."""
        if not data:
            return None
        function = data.get("function")
        return cls(str(data["file"]), int(data["line"]), None if function is None else str(function))


NOT_IMPLEMENTED = "not implemented yet"
"""How the message of a check begins when the function it calls is still the stub's (`grader.diagnose` says it)."""
_CALL_ARGUMENTS = re.compile(r"(\b[a-z_][a-z0-9_]*)\((?:[^()]|\([^()]*\))+\)")
"""A function call's arguments in a message (`fetch_status('http://a.test/slow')`): checks call with their own. Not
a class's (`ValueError('no')`): an exception's own words are what tells two failures apart."""
NOT_RUN = "not run"
"""How the message of a check begins when it never ran: the checks before it used up the exercise's time
(`grader.runner`). Such a check did not fail, so it is never told as a failure "the same way as above"."""


@dataclass
class CheckResult(_SafeText):
    _TEXT = frozenset({"message", "expected", "fix", "printed"})
    _LINES = frozenset({"name", "title"})

    name: str
    """Stable identifier: the suite's test function without `test_`."""
    title: str
    """A sentence the student understands: what this check claims about their code."""
    status: Status
    score: int
    max_score: int
    message: str = ""
    """What happened, when it did not pass."""
    expected: str | None = None
    """What the check expected instead."""
    fix: str | None = None
    """What in the lesson fixes it."""
    location: Location | None = None
    duration: float = 0.0
    printed: str = ""
    """What the student's code printed during the check, when it did not pass (the start of it: `grader.printed`)."""

    @property
    def passed(self) -> bool:
        return self.status is Status.PASSED

    @property
    def not_implemented(self) -> bool:
        """The check failed only because a function it calls still raises the stub's NotImplementedError."""
        return not self.passed and self.message.startswith(NOT_IMPLEMENTED)

    @property
    def not_run(self) -> bool:
        """The check never ran: the exercise's time was used up by the checks before it."""
        return self.status is Status.TIMEOUT and self.message.startswith(NOT_RUN + ":")

    def same_failure(self, other: CheckResult) -> bool:
        """Both failed in the very same way (what happened, what was expected, where, the fix), whatever arguments
        the checks called the student's functions with: one mistake failing several checks, which the student reads
        in full once and then as "fails the same way as above"."""
        fields = ("status", "expected", "location", "fix")
        return (
            not self.passed
            and all(getattr(self, name) == getattr(other, name) for name in fields)
            and _CALL_ARGUMENTS.sub(r"\1(…)", self.message) == _CALL_ARGUMENTS.sub(r"\1(…)", other.message)
        )

    def unchanged_from(self, before: CheckResult) -> bool:
        """The very same failure as `before` word for word, and the same output printed: in `grader watch`, nothing
        new to show (a debugging print just added is new)."""
        fields = ("status", "message", "expected", "location", "fix", "printed")
        return not self.passed and all(getattr(self, name) == getattr(before, name) for name in fields)

    def repeats(self, shown: list[CheckResult]) -> CheckResult | None:
        """The failure told in full earlier (one of `shown`) that this check's repeats word for word, or None. Every
        output folds such a repeat into one line: "fails the same way as above", or "not run either" for a check
        the exercise's time ran out before (it did not fail). A check blocked by another never repeats one: its own
        line says which check to fix first."""
        if self.passed or self.status is Status.SKIPPED:
            return None
        return next((other for other in shown if self.same_failure(other)), None)

    def details(self) -> list[tuple[str, str]]:
        """What follows the message, labelled ("expected", "at", "fix"): only the parts that are known."""
        parts = [("expected", self.expected), ("at", str(self.location) if self.location else None), ("fix", self.fix)]
        return [(label, text) for label, text in parts if text]

    def explanation(self, *, message: bool = True, printed: bool = True) -> str:
        """The message, one `label: text` line per detail, then the first lines the student's code printed: the
        plain-text form the machine formats show."""
        lines = [self.message] if message and self.message else []
        lines += [f"{label}: {text}" for label, text in self.details()]
        if printed and (output := shown_lines(self.printed)):
            lines += ["your code printed:", *(f"  {line}" for line in output)]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["duration"] = round(self.duration, 4)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckResult:
        data = dict(data)
        data["status"] = Status(data["status"])
        data["location"] = Location.from_dict(data.get("location"))
        return cls(**data)


@dataclass
class ExerciseResult(_SafeText):
    _TEXT = frozenset({"message", "note"})
    _LINES = frozenset({"id", "slug", "title", "file", "found"})

    id: str
    slug: str
    title: str
    file: str
    """The student's file, relative to the submission root."""
    checks: list[CheckResult]
    outcome: Outcome = Outcome.OK
    message: str = ""
    """Why the exercise as a whole could not be graded normally (the one clear line for import errors)."""
    location: Location | None = None
    duration: float = 0.0
    found: list[str] = field(default_factory=list)
    """Files for this exercise found outside `file` (`grader.locate`), relative to the submission root: the one
    graded, unless the outcome is `missing`; then the near matches the student is told to rename."""
    note: str = ""
    """What the student should know about an exercise graded normally: its file was graded from elsewhere, and
    where to move it."""

    @property
    def score(self) -> int:
        return sum(c.score for c in self.checks)

    @property
    def graded_elsewhere(self) -> bool:
        """Its file was graded from where `found` says, not from `file`."""
        return bool(self.found) and self.outcome is not Outcome.MISSING

    @property
    def graded_file(self) -> str:
        """The student's file that was graded: `file`, or where it was found instead."""
        return self.found[0] if self.graded_elsewhere else self.file

    @property
    def max_score(self) -> int:
        return sum(c.max_score for c in self.checks)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def not_started(self) -> bool:
        """Every check still says "not implemented yet": the untouched stub, or a student who wrote nothing yet."""
        return bool(self.checks) and all(c.not_implemented for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.slug,
            "title": self.title,
            "file": self.file,
            "outcome": self.outcome.value,
            "message": self.message,
            "location": asdict(self.location) if self.location else None,
            "score": self.score,
            "max_score": self.max_score,
            "duration": round(self.duration, 4),
            "found": list(self.found),
            "note": self.note,
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExerciseResult:
        return cls(
            id=data["id"],
            slug=data["slug"],
            title=data["title"],
            file=data["file"],
            checks=[CheckResult.from_dict(c) for c in data["checks"]],
            outcome=Outcome(data["outcome"]),
            message=data.get("message", ""),
            location=Location.from_dict(data.get("location")),
            duration=data.get("duration", 0.0),
            found=list(data.get("found", [])),
            note=data.get("note", ""),
        )


@dataclass
class SubmissionResult(_SafeText):
    _LINES = frozenset({"grader_version", "student"})

    exercises: list[ExerciseResult]
    grader_version: str = ""
    duration: float = 0.0
    student: str | None = None
    """Who submitted, when the grader knows (batch grading); None for a student grading their own copy."""
    version: int = field(default=SCHEMA_VERSION)

    @property
    def checks(self) -> list[CheckResult]:
        """Every check of every exercise, in course order."""
        return [c for e in self.exercises for c in e.checks]

    @property
    def score(self) -> int:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> int:
        return sum(e.max_score for e in self.exercises)

    @property
    def passed(self) -> bool:
        return all(e.passed for e in self.exercises)

    @property
    def repository_problem(self) -> str | None:
        """The one reason why nothing of the repository could be graded (no `exercises/` folder, a linked one), or
        None. Every exercise then carries it, and it names no exercise's file (a missing file does): it is one
        problem of the student's, not one per exercise."""
        missing = [e for e in self.exercises if e.outcome is Outcome.MISSING]
        messages = {e.message for e in missing}
        if len(messages) != 1 or len(missing) != len(self.exercises):
            return None
        message = messages.pop()
        return message if message and not any(e.file in message for e in self.exercises) else None

    def to_dict(self) -> dict[str, Any]:
        checks = self.checks
        return {
            "version": self.version,
            "grader_version": self.grader_version,
            "student": self.student,
            "score": self.score,
            "max_score": self.max_score,
            "passed": sum(c.passed for c in checks),
            "failed": sum(not c.passed for c in checks),
            "duration": round(self.duration, 4),
            "exercises": [e.to_dict() for e in self.exercises],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubmissionResult:
        if data.get("version") != SCHEMA_VERSION:
            raise ValueError(f"unsupported results version {data.get('version')!r}, expected {SCHEMA_VERSION}")
        return cls(
            exercises=[ExerciseResult.from_dict(e) for e in data["exercises"]],
            grader_version=data.get("grader_version", ""),
            duration=data.get("duration", 0.0),
            student=data.get("student"),
        )
