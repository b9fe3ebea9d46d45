"""`feedback/<student>.md`: what one student reads about their grading, in Markdown.

The same story as `grader check` tells in a terminal: per exercise, each check that did not pass with what
happened, what was expected, where in their file and the fix. An exercise not started yet (every check says
"not implemented yet") is said once. Everything that comes from the student's code is escaped, so a message
cannot turn into markup or links.
"""

from __future__ import annotations

import re
from typing import TextIO

from grader.batch.records import GRADER_ERROR, StudentRecord
from grader.model import CheckResult, ExerciseResult, Status

_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]|~>])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
"""What can start markup in the middle of a line (each line starts with text of ours); an underscore inside a
word (`make_request`) cannot, and stays readable."""
MAX_TEXT = 600
SYMBOLS = {Status.PASSED: "✅", Status.SKIPPED: "⏭️", Status.TIMEOUT: "⏱️"}


def escape(text: str) -> str:
    """`text` on one line, shown literally by any Markdown renderer."""
    text = " ".join(str(text).split())
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(lambda match: "\\" + match.group(0), text)


def code(text: str) -> str:
    """`text` as inline code, when it can be (file names and function names)."""
    return f"`{text}`" if "`" not in text and "\n" not in text else escape(text)


def not_started(exercise: ExerciseResult) -> bool:
    return all(not c.passed and c.message.startswith("not implemented yet") for c in exercise.checks)


def _check(check: CheckResult, out: TextIO) -> None:
    symbol = SYMBOLS.get(check.status, "❌")
    out.write(f"- {symbol} {escape(check.title)} ({check.score}/{check.max_score})\n")
    if check.passed:
        return
    out.write(f"  - What happened: {escape(check.message)}\n")
    if check.expected:
        out.write(f"  - Expected: {escape(check.expected)}\n")
    if check.location:
        out.write(f"  - Where: {code(str(check.location))}\n")
    if check.fix:
        out.write(f"  - How to fix it: {escape(check.fix)}\n")


def _exercise(exercise: ExerciseResult, out: TextIO) -> None:
    out.write(f"\n## Exercise {exercise.id} · {escape(exercise.title)} — {exercise.score}/{exercise.max_score}\n\n")
    out.write(f"Your file: {code(exercise.file)}\n\n")
    if exercise.message:
        out.write(f"**{escape(exercise.message)}**\n")
        if exercise.location:
            out.write(f"\nWhere: {code(str(exercise.location))}\n")
        out.write(f"\nAll {len(exercise.checks)} checks score 0 until this is fixed.\n")
    elif not_started(exercise):
        out.write("Not started yet: the functions still raise NotImplementedError.\n")
    else:
        for check in exercise.checks:
            _check(check, out)
    if not exercise.passed:
        out.write(f"\nStuck? Run `grader hint {exercise.id}`, and `grader check {exercise.id}` to try again.\n")


def render(record: StudentRecord, out: TextIO) -> None:
    result = record.result
    out.write(f"# Feedback for {escape(record.student)}\n\n")
    if record.status == GRADER_ERROR:
        out.write("Your work could not be graded this time because of a problem in the grader, not in your code. "
                  "Your instructor has been told.\n")  # fmt: skip
        return
    checks = [c for e in result.exercises for c in e.checks]
    out.write(f"**Total: {result.score} / {result.max_score} points** · "
              f"{sum(c.passed for c in checks)} of {len(checks)} checks passed\n\n")  # fmt: skip
    out.write("| Exercise | Points | |\n|---|---|---|\n")
    for exercise in result.exercises:
        note = "all checks pass" if exercise.passed else "not started" if not_started(exercise) else (
            escape(exercise.outcome.value.replace("_", " ")) if exercise.message else
            f"{sum(c.passed for c in exercise.checks)} of {len(exercise.checks)} checks pass")  # fmt: skip
        out.write(f"| {exercise.id} · {escape(exercise.title)} | {exercise.score}/{exercise.max_score} | {note} |\n")
    for exercise in result.exercises:
        _exercise(exercise, out)
    out.write(f"\n---\nGraded by asyncio-kit's grader {escape(result.grader_version)}.\n")
