"""`--format classroom` against every rule of the autograding-grading-reporter (v1) that our points depend on.

Each rule below was seen in the reporter's source and in a run of it under Node on our output (passing 10/10,
partial 8/10, stub 0/10); the reporter's code is not part of the kit, so these tests hold the rules instead:

- it reads `<RUNNER ID IN CAPITALS>_RESULTS`, base64 of UTF-8 JSON;
- `Points X/Y`: X sums every test's `score` (a missing one makes NaN), Y sums each runner's `max_score` (a runner
  whose `max_score` is 0 or missing is left out);
- `tests` must be a list (it crashes otherwise) and not empty (NaN points);
- `line_no` is printed unless it is 0 ("line undefined" when missing); `message` is printed for `error` tests only,
  `test_code` whenever it is not empty;
- a runner whose `status` is `fail` or `error` fails the reporter step, after the points are posted.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys

import pytest
from platform_submissions import MAX_POINTS, POINTS, graded, submission

from grader.model import CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.render.classroom_format import MAX_TEXT, encode, render, reporter_result

KINDS = ("passing", "partial", "stub")
TEST_FIELDS = {"name", "status", "score", "message", "test_code", "filename", "line_no", "duration"}


def decode(encoded: str) -> dict:
    return json.loads(base64.b64decode(encoded, validate=True).decode("utf-8"))


def points(*payloads: dict) -> tuple[float, float]:
    """The reporter's `Points X/Y` over several runners, as its NotifyClassroom computes it."""
    total = maximum = 0
    for payload in payloads:
        if not payload.get("max_score"):
            continue
        maximum += payload["max_score"]
        total += sum(test["score"] for test in payload["tests"])
    return total, maximum


@pytest.mark.parametrize("kind", KINDS)
def test_points_are_the_models_points(kind):
    payload = decode(encode(graded()[kind]))
    assert points(payload) == (POINTS[kind], MAX_POINTS)
    assert points(payload) == (graded()[kind].score, graded()[kind].max_score)


def test_points_add_up_over_runners():
    payloads = [decode(encode(graded()[kind])) for kind in KINDS]
    assert points(*payloads) == (18, 30)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_the_reporter_reads_is_there(kind):
    payload = decode(encode(graded()[kind]))
    assert payload["version"] == 1
    assert isinstance(payload["max_score"], int) and payload["max_score"] > 0
    assert isinstance(payload["tests"], list) and len(payload["tests"]) == 9
    for test in payload["tests"]:
        assert set(test) == TEST_FIELDS
        assert test["status"] in ("pass", "fail", "error")
        assert isinstance(test["score"], int) and not isinstance(test["score"], bool)
        assert isinstance(test["line_no"], int) and test["line_no"] >= 0
        assert isinstance(test["name"], str) and test["name"]
        assert all(isinstance(test[key], str) for key in ("message", "test_code", "filename"))


def test_status_fails_the_reporter_step_unless_everything_passed():
    assert decode(encode(graded()["passing"]))["status"] == "pass"
    assert decode(encode(graded()["partial"]))["status"] == "fail"
    assert decode(encode(graded()["stub"]))["status"] == "fail"


def test_a_failed_check_says_why_and_where_in_the_lines_the_reporter_prints():
    failed = [t for t in decode(encode(graded()["partial"]))["tests"] if t["status"] != "pass"]
    assert len(failed) == 2
    for test in failed:
        assert test["score"] == 0
        assert test["message"].startswith("not implemented yet: make_failing_request()")
        assert test["line_no"] > 0 and test["filename"] == "exercises/ex01_futures.py"
        assert test["message"] in test["test_code"]
        assert "at: exercises/ex01_futures.py:" in test["test_code"]
        assert "Traceback" not in test["test_code"]


def test_passed_checks_print_no_line_and_no_explanation():
    for test in decode(encode(graded()["passing"]))["tests"]:
        assert (test["status"], test["score"] > 0, test["line_no"], test["test_code"]) == ("pass", True, 0, "")


def test_an_exercise_that_cannot_be_imported_reports_errors_with_their_message(tmp_path):
    from grader.catalog import load_catalog
    from grader.runner import grade

    root = submission(tmp_path, "stub")
    (root / "exercises" / "ex01_futures.py").write_text("def make_request(:\n", encoding="utf-8")
    payload = decode(encode(grade(load_catalog().select(["01"]), root, jobs=1)))
    assert payload["status"] == "error"
    for test in payload["tests"]:
        assert test["status"] == "error" and test["score"] == 0
        assert test["message"].startswith("syntax error in exercises/ex01_futures.py:1")
        assert test["message"] not in test["test_code"]  # the reporter prints the message itself for errors


def _check(name: str, status: Status, score: int, message: str = "") -> CheckResult:
    return CheckResult(name, f"title of {name}", status, score, 1, message, location=Location("exercises/x.py", 3))


def test_one_step_grading_several_exercises_names_each_check_with_its_exercise():
    result = SubmissionResult([
        ExerciseResult("01", "a", "A", "exercises/ex01_a.py", [_check("one", Status.PASSED, 1)]),
        ExerciseResult("02", "b", "B", "exercises/ex02_b.py", [_check("two", Status.CRASHED, 0, "it died")],
                       outcome=Outcome.CRASHED),
    ])  # fmt: skip
    payload = reporter_result(result)
    assert [t["name"] for t in payload["tests"]] == ["01 title of one", "02 title of two"]
    assert (payload["status"], payload["max_score"], points(payload)) == ("error", 2, (1, 2))


def test_no_checks_is_refused_rather_than_shown_as_nan_points():
    with pytest.raises(ValueError, match="at least one test"):
        reporter_result(SubmissionResult([ExerciseResult("01", "a", "A", "exercises/ex01_a.py", [])]))


def test_long_messages_are_clipped():
    result = SubmissionResult([ExerciseResult("01", "a", "A", "f.py", [_check("one", Status.FAILED, 0, "x" * 10**6)])])
    test = reporter_result(result)["tests"][0]
    assert len(test["message"]) == MAX_TEXT and len(test["test_code"]) <= MAX_TEXT


def test_github_output_gets_one_result_line(tmp_path, monkeypatch):
    import io

    output = tmp_path / "github_output"
    output.write_text("earlier=1\n")
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    stream = io.StringIO()
    render(graded()["partial"], stream)
    lines = output.read_text().splitlines()
    assert lines[0] == "earlier=1" and len(lines) == 2
    key, _, value = lines[1].partition("=")
    assert key == "result" and value == stream.getvalue().strip()
    assert points(decode(value)) == (8, 10)


def run_cli(*args: str, cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def test_the_step_exits_0_when_checks_fail_and_keeps_stdout_for_the_result(tmp_path):
    import os

    root = submission(tmp_path / "sub", "partial")
    output = tmp_path / "github_output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output)}
    step = run_cli("check", "01", "--format", "classroom", cwd=root, env=env)
    assert step.returncode == 0, step.stderr
    assert points(decode(step.stdout.strip())) == (8, 10)
    assert output.read_text() == f"result={step.stdout.strip()}\n"
    assert "not implemented yet" in step.stderr  # the text report, for the step's log
    plain = run_cli("check", "01", cwd=root)
    assert plain.returncode == 1
    assert run_cli("check", "01", "--exit-zero", cwd=root).returncode == 0
    assert run_cli("check", "99", "--format", "classroom", cwd=root).returncode == 2
    unwritable = run_cli("check", "01", "--format", "classroom", cwd=root,
                         env={**os.environ, "GITHUB_OUTPUT": str(tmp_path / "gone" / "output")})  # fmt: skip
    assert unwritable.returncode == 3 and "Traceback" not in unwritable.stderr
    assert "error: could not write the step's output to $GITHUB_OUTPUT" in unwritable.stderr
    assert "bug in the kit" not in unwritable.stderr
