"""`--format junit` parses with a JUnit parser (junitparser) and carries every check."""

from __future__ import annotations

import io

import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from platform_submissions import graded

from grader.model import CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.render.junit_format import render


def parse(result: SubmissionResult) -> JUnitXml:
    stream = io.StringIO()
    render(result, stream)
    return JUnitXml.fromstring(stream.getvalue().encode("utf-8"))


def cases(xml: JUnitXml) -> list:
    return [case for suite in xml for case in suite]


@pytest.mark.parametrize("kind", ["passing", "partial", "stub"])
def test_every_check_is_one_testcase(kind):
    result = graded()[kind]
    xml = parse(result)
    checks = result.exercises[0].checks
    assert [case.name for case in cases(xml)] == [c.name for c in checks]
    assert xml.tests == len(checks)
    assert xml.failures == sum(not c.passed for c in checks)
    assert (xml.errors, xml.skipped) == (0, 0)
    suite = next(iter(xml))
    assert suite.name == "01 Futures"
    assert {p.name: p.value for p in suite.properties()}["score"] == str(result.score)


def test_a_failure_carries_its_explanation_file_and_line():
    xml = parse(graded()["partial"])
    failed = [case for case in cases(xml) if not case.is_passed]
    assert [case.name for case in failed] == ["failing_request_raises_same_exception",
                                               "failing_request_waits_and_tolerates_cancel"]  # fmt: skip
    for case in failed:
        (failure,) = case.result
        assert isinstance(failure, Failure)
        assert failure.message.startswith("not implemented yet: make_failing_request()")
        assert failure.message in failure.text and "fix: " in failure.text
        assert case.classname == "exercises.ex01_futures"
        assert case._elem.get("file") == "exercises/ex01_futures.py"
        assert int(case._elem.get("line")) >= 1


def test_passed_checks_have_no_result_and_no_location():
    for case in cases(parse(graded()["passing"])):
        assert case.is_passed and case.result == [] and case._elem.get("line") is None


def test_errors_skips_timeouts_and_unprintable_characters():
    def check(name, status, message=""):
        return CheckResult(name, f"title {name}", status, 0, 1, message, location=Location("exercises/x.py", 7, "f"))

    result = SubmissionResult([ExerciseResult("01", "futures", "Futures", "exercises/ex01_futures.py", [
        check("crash", Status.CRASHED, "the process was killed by SIGKILL"),
        check("missing", Status.ERROR, "exercises/ex01_futures.py is missing"),
        check("slow", Status.TIMEOUT, "the check did not finish within 3 s"),
        check("later", Status.SKIPPED, "can't check this until 'crash' passes"),
        check("ansi", Status.FAILED, "printed \x1b[31mred\x1b[0m and a NUL \x00 here"),
    ], outcome=Outcome.CRASHED, message="it crashed")])  # fmt: skip
    xml = parse(result)
    kinds = {case.name: type(case.result[0]) for case in cases(xml)}
    assert kinds == {"crash": Error, "missing": Error, "slow": Failure, "later": Failure, "ansi": Failure}
    assert (xml.errors, xml.failures, xml.skipped) == (2, 3, 0)
    ansi = next(case for case in cases(xml) if case.name == "ansi")
    assert "red" in ansi.result[0].message and "\x00" not in ansi.result[0].text


def test_a_check_blocked_by_a_failed_one_is_a_failure_not_a_neutral_skip():
    # it scores 0 of its points: a CI dashboard must count it with the failures, not grey it out as skipped
    def check(name, status, message=""):
        return CheckResult(name, f"title {name}", status, 0, 2, message)

    blocked = "can't check this until 'title first' passes"
    result = SubmissionResult([ExerciseResult("01", "futures", "Futures", "exercises/ex01_futures.py", [
        check("first", Status.FAILED, "it went wrong"),
        check("second", Status.SKIPPED, blocked),
        check("third", Status.SKIPPED, blocked),
    ])])  # fmt: skip
    xml = parse(result)
    later = [case for case in cases(xml) if case.name != "first"]
    for case in later:
        (failure,) = case.result
        assert isinstance(failure, Failure) and not isinstance(failure, Skipped)
        assert (failure.type, failure.message) == ("blocked", blocked) and "title " in failure.text
    suite = next(iter(xml))
    for counted in (xml, suite):  # <testsuites> and <testsuite> agree with the testcases
        assert (counted.tests, counted.failures, counted.errors, counted.skipped) == (3, 3, 0, 0)
    assert "<skipped" not in render_text(result)


def render_text(result: SubmissionResult) -> str:
    stream = io.StringIO()
    render(result, stream)
    return stream.getvalue()


def test_a_file_graded_from_elsewhere_carries_the_note_on_where_to_move_it():
    import dataclasses

    result = graded()["passing"]
    moved = dataclasses.replace(result.exercises[0], found=["ex01_futures.py"], note="graded ex01_futures.py, …")
    xml = parse(dataclasses.replace(result, exercises=[moved]))
    assert {p.name: p.value for p in next(iter(xml)).properties()}["note"] == "graded ex01_futures.py, …"


def test_what_the_students_code_printed_is_the_testcases_system_out():
    printed = CheckResult("b", "title of b", Status.FAILED, 0, 1, "went wrong", printed="DEBUG <x> & \x1b[31mred\n")
    result = SubmissionResult([ExerciseResult("01", "futures", "Futures", "exercises/ex01_futures.py", [printed])])
    (case,) = cases(parse(result))
    assert case.system_out == "DEBUG <x> & \\x1b[31mred\n"  # escaped, and no control character breaks the XML
