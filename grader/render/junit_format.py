"""`--format junit`: JUnit XML for CI systems (GitLab, Jenkins, Azure, GitHub test-report actions).

One `<testsuite>` per exercise and one `<testcase>` per check:

    <testsuites name="asyncio-kit" tests="9" failures="9" errors="0" skipped="0" time="0.74">
      <testsuite name="01 Futures" tests="9" failures="9" errors="0" skipped="0" time="0.74">
        <properties>
          <property name="score" value="0"/> <property name="max_score" value="10"/>
          <property name="outcome" value="ok"/> (and `message`, `note` when there is one)
        </properties>
        <testcase classname="exercises.ex01_futures" name="returns_pending_future"
                  file="exercises/ex01_futures.py" line="37" time="0.012">
          <failure message="not implemented yet: ..." type="failed">the explanation</failure>
        </testcase>
      </testsuite>
    </testsuites>

`failed` and `timeout` checks are failures, `error` and `crashed` ones errors (they could not run). A `skipped`
check (not run because a check it depends on failed) is a failure too, of type `blocked`: it scores 0 of its
points, and JUnit's `<skipped>` reads as neutral on a CI dashboard, so the suite would look greener than the grade.
Nothing is ever `<skipped>`, and the counts of each `<testsuite>` and of `<testsuites>` say so.
`file` is relative to the submission root and `line` is 1-based; both appear only where the check points at the
student's code. A check's title (the sentence a student reads) leads the element's body.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from grader.model import CheckResult, ExerciseResult, Status, SubmissionResult

_FAILURE = {Status.FAILED, Status.TIMEOUT, Status.SKIPPED}
_ERROR = {Status.ERROR, Status.CRASHED}
# Characters XML 1.0 cannot hold even escaped: a student's message may carry them (ANSI escapes, NUL).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def _body(check: CheckResult) -> str:
    return "\n".join(line for line in (check.title, check.explanation(printed=False)) if line)  # in system-out


def _counts(checks: list[CheckResult]) -> dict[str, str]:
    return {
        "tests": str(len(checks)),
        "failures": str(sum(c.status in _FAILURE for c in checks)),
        "errors": str(sum(c.status in _ERROR for c in checks)),
        "skipped": "0",  # a check that could not run for a failed one costs its points: a failure (`blocked`)
    }


def _testcase(parent: ET.Element, exercise: ExerciseResult, check: CheckResult) -> None:
    attributes = {"classname": exercise.file.removesuffix(".py").replace("/", "."), "name": check.name}
    if check.location:
        attributes.update(file=_safe(check.location.file), line=str(check.location.line))
    attributes["time"] = _seconds(check.duration)
    case = ET.SubElement(parent, "testcase", attributes)
    if check.status is Status.PASSED:
        return
    tag = "failure" if check.status in _FAILURE else "error"
    kind = "blocked" if check.status is Status.SKIPPED else check.status.value
    element = ET.SubElement(case, tag, message=_safe(check.message), type=kind)
    element.text = _safe(_body(check))
    if check.printed:
        ET.SubElement(case, "system-out").text = _safe(check.printed)


def _testsuite(parent: ET.Element, exercise: ExerciseResult) -> None:
    name = _safe(f"{exercise.id} {exercise.title}")
    attributes = {"name": name, **_counts(exercise.checks), "time": _seconds(exercise.duration)}
    suite = ET.SubElement(parent, "testsuite", attributes)
    properties = ET.SubElement(suite, "properties")
    facts = {"score": exercise.score, "max_score": exercise.max_score, "outcome": exercise.outcome.value}
    for key, value in facts.items():
        ET.SubElement(properties, "property", name=key, value=str(value))
    if exercise.message:
        ET.SubElement(properties, "property", name="message", value=_safe(exercise.message))
    if exercise.note:  # graded from a file found elsewhere: where to move it
        ET.SubElement(properties, "property", name="note", value=_safe(exercise.note))
    for check in exercise.checks:
        _testcase(suite, exercise, check)


def render(result: SubmissionResult, stream: TextIO) -> None:
    attributes = {"name": "asyncio-kit", **_counts(result.checks), "time": _seconds(result.duration)}
    root = ET.Element("testsuites", attributes)
    for exercise in result.exercises:
        _testsuite(root, exercise)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
