"""`--format gradescope`: Gradescope's `results.json`, as its autograder specification publishes it.

    {
      "score": 7.0,                       # the points earned, over every exercise graded
      "execution_time": 1,                # seconds
      "output": "Exercise 01 · Futures: 7/10 ...",   # shown above the tests
      "output_format": "text",
      "stdout_visibility": "hidden",      # run_autograder's own log is for instructors only
      "extra_data": {"grader_version": "0.1.0", "outcomes": {"01": "ok"}},
      "tests": [{
        "name": "01 · make_request returns a future ...",
        "number": "1.1",                  # exercise.check, in course order
        "score": 1.0, "max_score": 1.0,
        "status": "passed",               # passed | failed
        "output": "what happened / expected / at / fix",
        "output_format": "text",
        "tags": ["futures"],
        "visibility": "visible"           # hidden checks: see `Visibility`
      }]
    }

Checks an instructor hides (`grader gradescope --hide 01` or `--hide 01:requests_overlap`) get the visibility the
instructor chose (`after_due_date` by default; `hidden` never shows them) and only as much of their output as
`--hidden-output` allows: `full` (everything), `message` (what happened, without the expected value and the fix),
or `none` (the verdict alone). Gradescope does not show students their total while any test is hidden.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, TextIO

from grader.model import CheckResult, ExerciseResult, SubmissionResult
from grader.render import writes_utf8

VISIBILITIES = ("visible", "after_due_date", "after_published", "hidden")
HIDDEN_OUTPUTS = ("full", "message", "none")


@dataclass(frozen=True)
class Visibility:
    """Which checks students see, when, and how much of their output."""

    hidden: frozenset[str] = field(default_factory=frozenset)
    """Exercise ids ("01") or "id:check" names ("01:requests_overlap") hidden from students."""
    hidden_visibility: str = "after_due_date"
    hidden_output: str = "message"

    def __post_init__(self) -> None:
        if self.hidden_visibility not in VISIBILITIES[1:]:
            raise ValueError(f"hidden_visibility must be one of {VISIBILITIES[1:]}")
        if self.hidden_output not in HIDDEN_OUTPUTS:
            raise ValueError(f"hidden_output must be one of {HIDDEN_OUTPUTS}")

    def is_hidden(self, exercise_id: str, check: str) -> bool:
        return exercise_id in self.hidden or f"{exercise_id}:{check}" in self.hidden

    def to_dict(self) -> dict[str, Any]:
        return {
            "hidden": sorted(self.hidden),
            "hidden_visibility": self.hidden_visibility,
            "hidden_output": self.hidden_output,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Visibility:
        return cls(frozenset(data.get("hidden", ())), data.get("hidden_visibility", "after_due_date"),
                   data.get("hidden_output", "message"))  # fmt: skip


def _output(check: CheckResult, amount: str) -> str:
    if check.passed or amount == "none":
        return "passed" if check.passed else "failed"
    return check.explanation() if amount == "full" else check.message


def _test(exercise: ExerciseResult, number: int, check: CheckResult, visibility: Visibility) -> dict[str, Any]:
    hidden = visibility.is_hidden(exercise.id, check.name)
    return {
        "name": f"{exercise.id} · {check.title}",
        "number": f"{int(exercise.id)}.{number}",
        "score": float(check.score),
        "max_score": float(check.max_score),
        "status": "passed" if check.passed else "failed",
        "output": _output(check, visibility.hidden_output if hidden else "full"),
        "output_format": "text",
        "tags": [exercise.slug],
        "visibility": visibility.hidden_visibility if hidden else "visible",
    }


def _summary(result: SubmissionResult, visibility: Visibility) -> str:
    """The text above the tests, which students always see: so it counts only the checks they may see."""
    lines = []
    hidden_any = False
    for exercise in result.exercises:
        shown = [c for c in exercise.checks if not visibility.is_hidden(exercise.id, c.name)]
        hidden_any |= len(shown) < len(exercise.checks)
        if not shown:
            continue
        score, max_score = sum(c.score for c in shown), sum(c.max_score for c in shown)
        partly = " (visible checks)" if len(shown) < len(exercise.checks) else ""
        line = f"Exercise {exercise.id} · {exercise.title}{partly}: {score}/{max_score}"
        lines.append(f"{line} ({exercise.message})" if exercise.message else line)
    if hidden_any:
        lines.append(f"Some checks are hidden; {_WHEN[visibility.hidden_visibility]}.")
    else:
        lines.append(f"Total: {result.score}/{result.max_score}")
    return "\n".join(lines)


_WHEN = {
    "after_due_date": "they and your total appear after the due date",
    "after_published": "they and your total appear once grades are published",
    "hidden": "your total includes them",
}


def results_json(result: SubmissionResult, visibility: Visibility | None = None) -> dict[str, Any]:
    """Gradescope's results.json for `result`."""
    visibility = visibility or Visibility()
    return {
        "score": float(result.score),
        "execution_time": math.ceil(result.duration),
        "output": _summary(result, visibility),
        "output_format": "text",
        "stdout_visibility": "hidden",
        "extra_data": {
            "grader_version": result.grader_version,
            "outcomes": {e.id: e.outcome.value for e in result.exercises},
        },
        "tests": [
            _test(exercise, number, check, visibility)
            for exercise in result.exercises
            for number, check in enumerate(exercise.checks, start=1)
        ],
    }


def render(result: SubmissionResult, stream: TextIO) -> None:
    json.dump(results_json(result), stream, indent=2, ensure_ascii=not writes_utf8(stream))
    stream.write("\n")
