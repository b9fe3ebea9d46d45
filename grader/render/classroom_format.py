"""`--format classroom`: the input of GitHub Classroom's `autograding-grading-reporter`, one grading step's result.

The reporter (classroom-resources/autograding-grading-reporter@v1) reads, for each runner id listed in its
`runners` input, the environment variable `<ID IN CAPITALS>_RESULTS`, which the workflow fills from the step's
output `result`: base64 of this JSON object.

    {
      "version": 1,
      "status": "pass",              # pass | fail | error, for the exercise(s) as a whole
      "max_score": 10,               # the points this step can earn; summed into the `Points X/Y` notice
      "tests": [{                    # one per check; never empty (the reporter crashes without a list and
                                     # shows NaN points, yet passes, with an empty one)
        "name": "make_request returns a future ...",   # the check's title, prefixed by the exercise id
                                                        # when one step grades several exercises
        "status": "pass",            # pass | fail | error; the reporter prints `message` for error only
        "score": 1,                  # always present: the notice sums these (a missing one makes NaN)
        "message": "",               # what happened, when it did not pass
        "test_code": "",             # printed under the test by the reporter: the explanation of a failure
        "filename": "exercises/ex01_futures.py",
        "line_no": 0,                # the student's line, or 0 (the reporter prints "line undefined" when
                                     # missing and hides 0)
        "duration": 12               # milliseconds
      }]
    }

What the reporter does with it (read from its source, tag v1):
- `Points X/Y` (the notice Classroom records): X is the sum of every test's `score`, Y the sum of every step's
  `max_score`; a step whose `max_score` is 0 or missing counts for nothing.
- its per-runner table scores a step as (tests passed / tests) x max_score, ignoring each test's points, so a
  check worth 2 points counts as much as one worth 1 there; the notice above is the grade.
- any step with status `fail` or `error` marks the reporter step failed (a red cross), after the points are posted.

The renderer also appends `result=<base64>` to the file named by `$GITHUB_OUTPUT` when that variable is set,
which is how a workflow step sets its output. `grader check` exits 0 with this format, so that the reporter step
still runs when checks fail.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any, TextIO

from grader.errors import MachineRefused
from grader.messages import clip
from grader.model import CheckResult, ExerciseResult, Status, SubmissionResult

REPORTER_VERSION = 1
MAX_TEXT = 2000
"""Characters kept of one check's message or explanation: step outputs are small (1 MB) and logs are read."""

_STATUS = {
    Status.PASSED: "pass",
    Status.FAILED: "fail",
    Status.SKIPPED: "fail",
    Status.TIMEOUT: "fail",
    Status.ERROR: "error",
    Status.CRASHED: "error",
}


def _explanation(check: CheckResult, status: str) -> str:
    """What the reporter prints under a check that did not pass (it prints `message` itself for errors)."""
    return "" if check.passed else clip(check.explanation(message=status != "error"), MAX_TEXT)


def _test(exercise: ExerciseResult, check: CheckResult, prefix: bool) -> dict[str, Any]:
    status = _STATUS[check.status]
    return {
        "name": f"{exercise.id} {check.title}" if prefix else check.title,
        "status": status,
        "score": check.score,
        "message": clip(check.message, MAX_TEXT),
        "test_code": _explanation(check, status),
        "filename": check.location.file if check.location else exercise.file,
        "line_no": check.location.line if check.location else 0,
        "duration": round(check.duration * 1000),
    }


def _status(result: SubmissionResult) -> str:
    statuses = {_STATUS[c.status] for c in result.checks}
    return "error" if "error" in statuses else "fail" if "fail" in statuses else "pass"


def reporter_result(result: SubmissionResult) -> dict[str, Any]:
    """The reporter's JSON for `result`: one runner's worth, whatever number of exercises it holds."""
    if not result.checks:
        raise ValueError("the Classroom reporter needs at least one test: it shows NaN points for an empty list")
    prefix = len(result.exercises) > 1
    return {
        "version": REPORTER_VERSION,
        "status": _status(result),
        "max_score": result.max_score,
        "tests": [_test(e, c, prefix) for e in result.exercises for c in e.checks],
    }


def encode(result: SubmissionResult) -> str:
    """Base64 of the reporter's JSON, as the workflow hands it on (`${{ steps.<id>.outputs.result }}`)."""
    payload = json.dumps(reporter_result(result), ensure_ascii=False).encode("utf-8")
    return base64.b64encode(payload).decode("ascii")


def render(result: SubmissionResult, stream: TextIO) -> None:
    encoded = encode(result)
    stream.write(encoded + "\n")
    output_file = os.environ.get("GITHUB_OUTPUT")
    if output_file:
        try:
            with open(output_file, "a", encoding="utf-8") as output:
                output.write(f"result={encoded}\n")
        except OSError as error:  # the runner's own file: nothing the student can fix, but say what it was
            raise MachineRefused(
                f"could not write the step's output to $GITHUB_OUTPUT ({output_file}): {error}"
            ) from None
