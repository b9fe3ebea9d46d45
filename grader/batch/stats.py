"""The class at a glance, computed from the student records: what `report.html` shows."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from grader.batch.records import StudentRecord
from grader.catalog import Exercise
from grader.model import ExerciseResult, Outcome, Status

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(\.\d+)?(?!x…)")
"""A number, but not the 0 of an address already blanked to `0x…`."""


def normalise(message: str) -> str:
    """A failure message with its numbers and addresses blanked, so that the same mistake groups together."""
    return _NUMBER.sub("N", _ADDRESS.sub("0x…", " ".join(message.split())))


@dataclass
class CheckRate:
    exercise: str
    name: str
    title: str
    passed: int
    started: int
    """The students who started the exercise (`started`): who could pass the check at all."""
    graded: int
    """Every student graded, whether they started the exercise or not."""

    @property
    def rate(self) -> float:
        """Passed of those who started: a class where half never began an exercise must not read as a check that
        half the class gets wrong."""
        return self.passed / self.started if self.started else 0.0

    @property
    def rate_of_all(self) -> float:
        return self.passed / self.graded if self.graded else 0.0


@dataclass
class Failure:
    """One failure message (alike messages counted together, `normalise`) of one exercise, and the students who got
    it: a student counts once however many checks gave it to them (a function that calls input(), used by six
    checks, is one mistake, not six rows of one student's)."""

    exercise: str | None
    """None for a problem of the whole repository (no `exercises/` folder), counted once per student."""
    checks: list[str]
    """The titles of the checks that gave the message, in the order met; empty for a problem of the whole
    exercise (an import error, a missing file)."""
    message: str
    example: str
    students: set[str] = field(default_factory=set)
    variants: set[str] = field(default_factory=set)
    """The messages as the students got them, before `normalise`."""

    @property
    def shown(self) -> str:
        """The message as the students read it when they all read the same one: blanked numbers ("exited with code
        N", "grader reset N") would hide the code or the exercise from an instructor for no grouping gained."""
        return next(iter(self.variants)) if len(self.variants) == 1 else self.message

    def add(self, student: str, check: str | None, message: str) -> None:
        self.students.add(student)
        self.variants.add(" ".join(message.split()))
        if check is not None and check not in self.checks:
            self.checks.append(check)


@dataclass
class ClassStats:
    students: int
    graded: int
    max_score: int
    totals: list[int]
    statuses: Counter
    bins: list[tuple[str, int]]
    rates: list[CheckRate]
    not_started: dict[str, int]
    started: dict[str, int]
    """Per exercise, the students whose file is there and is not the untouched stub (`started`)."""
    missing: dict[str, int]
    """Per exercise, the students whose file could not be read: missing, a link, too large, no exercises/."""
    failures: list[Failure]
    """The most common failure messages, most students first."""
    failures_left_out: int = 0
    """How many other failure messages there were, each from no more students than the last one shown."""
    left_out_students: tuple[int, int] = (0, 0)
    """The fewest and the most students that one of the messages left out came from."""

    @property
    def mean(self) -> float:
        return statistics.fmean(self.totals) if self.totals else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.totals) if self.totals else 0.0


def histogram(totals: list[int], max_score: int) -> list[tuple[str, int]]:
    """Counts per score, or per range of scores when there are more than 20 possible totals."""
    width = 1 if max_score <= 20 else -(-(max_score + 1) // 10)
    bins = []
    for low in range(0, max_score + 1, width):
        high = min(low + width - 1, max_score)
        label = str(low) if low == high else f"{low}–{high}"
        bins.append((label, sum(low <= t <= high for t in totals)))
    return bins


def started(exercise: ExerciseResult) -> bool:
    """The student's file is there and is no longer the stub, as `grader status` decides: a missing file (or
    no exercises/ folder) is not started, and neither is one whose every check still says "not implemented"."""
    return exercise.outcome is not Outcome.MISSING and not exercise.not_started


def compute(records: list[StudentRecord], exercises: list[Exercise], top: int = 12) -> ClassStats:
    """The class at a glance for the report: scores, statuses, how many passed each check, who began or never
    started each exercise, and the `top` commonest failures (alike messages counted together, `normalise`)."""
    graded = [r for r in records if r.error is None]  # neither a grader error nor a student not graded yet
    max_score = sum(e.max_score for e in exercises)
    totals = [r.result.score for r in graded]
    passed: Counter = Counter()
    titles: dict[tuple[str, str], str] = {}
    never_started: Counter = Counter()
    begun: Counter = Counter()
    missing: Counter = Counter()
    failures: dict[tuple, Failure] = {}
    for record in graded:
        problem = record.result.repository_problem
        if problem:  # once per student, not once per exercise: it would fill the table with one message
            _tally(failures, None, None, problem, record.student)
        for exercise in record.result.exercises:
            begun[exercise.id] += started(exercise)
            missing[exercise.id] += exercise.outcome is Outcome.MISSING
            if exercise.not_started:
                never_started[exercise.id] += 1
            elif exercise.message and not problem:
                _tally(failures, exercise.id, None, exercise.message, record.student)
            for check in exercise.checks:
                titles[(exercise.id, check.name)] = check.title
                passed[(exercise.id, check.name)] += check.passed
                if check.passed or exercise.message or check.status is Status.SKIPPED:
                    continue
                # Not really attempted (not started, or no time left after an endless loop): such checks would
                # crowd out the mistakes worth discussing in class.
                if check.not_implemented or check.not_run:
                    continue
                _tally(failures, exercise.id, check.title, check.message, record.student)
    rates = [
        CheckRate(e.id, c.name, titles.get((e.id, c.name), c.name), passed[(e.id, c.name)], begun[e.id], len(graded))
        for e in exercises
        for c in e.checks
    ]
    ranked = sorted(failures.values(), key=lambda f: (-len(f.students), f.exercise or "", f.message))
    left_out = [len(f.students) for f in ranked[top:]]
    return ClassStats(
        students=len(records),
        graded=len(graded),
        max_score=max_score,
        totals=totals,
        statuses=Counter(r.status for r in records),
        bins=histogram(totals, max_score),
        rates=rates,
        not_started={e.id: never_started[e.id] for e in exercises},
        started={e.id: begun[e.id] for e in exercises},
        missing={e.id: missing[e.id] for e in exercises},
        failures=ranked[:top],
        failures_left_out=len(left_out),
        left_out_students=(min(left_out), max(left_out)) if left_out else (0, 0),
    )


def _tally(failures: dict[tuple, Failure], exercise: str | None, check: str | None, message: str, student: str) -> None:
    """Count `student`'s `message` among the failures alike to it (see `Failure` for what None means): once per
    student, whichever of the exercise's checks gave it. A problem of the whole exercise stays a row of its own."""
    key = (exercise, check is None, normalise(message))
    failures.setdefault(key, Failure(exercise, [], key[2], message)).add(student, check, message)


def by_exercise(rates: list[CheckRate]) -> dict[str, list[CheckRate]]:
    grouped: dict[str, list[CheckRate]] = defaultdict(list)
    for rate in rates:
        grouped[rate.exercise].append(rate)
    return grouped
