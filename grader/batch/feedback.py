"""`feedback/<student>.md`: what one student reads about their grading, in Markdown.

The same story as `grader check` tells in a terminal: per exercise, each check that did not pass with what
happened, what was expected, where in their file and the fix. An exercise not started yet (every check says
"not implemented yet") is said once, naming the functions still to write, and so is a repository with nothing to
grade (no `exercises/` folder).
Everything that comes from the student's code goes through `grader.batch.markdown`, so a message cannot turn
into markup or links, and the file reads as well in a plain text viewer as on GitHub.
"""

from __future__ import annotations

from typing import TextIO

from grader.batch.markdown import code_block, code_span, inline
from grader.batch.records import GRADER_ERROR, StudentRecord
from grader.catalog import lesson_section
from grader.model import CheckResult, ExerciseResult, Outcome, Status, SubmissionResult
from grader.printed import shown_lines

SYMBOLS = {Status.PASSED: "✅", Status.SKIPPED: "⏭️", Status.TIMEOUT: "⏱️"}


def code(text: str) -> str:
    """`text` (a file name, a location) as inline code."""
    return code_span(" ".join(text.split()))


_LABELS = {"expected": "Expected", "at": "Where", "fix": "How to fix it"}


def _unwritten(exercise: ExerciseResult) -> str:
    """Which functions still raise NotImplementedError, each once with its line, as `grader check` lists them: a
    student who wrote one function of three must not read that "the functions" are all still to write."""
    lines: dict[str, int] = {}
    for check in exercise.checks:
        where = check.location
        if where and where.function:
            lines.setdefault(where.function, where.line)
    if not lines:
        return "its functions still raise NotImplementedError"
    named = [f"{code(name + '()')} (line {line})" for name, line in lines.items()]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"{listed} still raise{'s' if len(named) == 1 else ''} NotImplementedError"


def _check(check: CheckResult, out: TextIO, shown: list[CheckResult]) -> None:
    """One check; a failure told in full above (one mistake failing several checks) in one line, as `grader check`
    says it. `shown` holds the failures told in full so far: "as above" is the last of them, an earlier one is
    named by its title."""
    symbol = SYMBOLS.get(check.status, "❌")
    line = f"- {symbol} {inline(check.title)} ({check.score}/{check.max_score})"
    if check.passed:
        out.write(line + "\n")
        return
    twin = check.repeats(shown)
    if twin is not None:
        where = "above" if twin is shown[-1] else f'"{inline(twin.title)}" above'
        out.write(f"{line}: {'not run either' if check.not_run else f'fails the same way as {where}'}\n")
        return
    shown.append(check)
    out.write(f"{line}\n  - What happened: {inline(check.message)}\n")
    for label, text in check.details():
        out.write(f"  - {_LABELS[label]}: {code(text) if label == 'at' else inline(text)}\n")
    if lines := shown_lines(check.printed):
        out.write(f"  - Your code printed:\n\n{code_block(chr(10).join(lines), '    ')}\n")


def _exercise(exercise: ExerciseResult, out: TextIO) -> None:
    out.write(f"\n## Exercise {exercise.id} · {inline(exercise.title)} — {exercise.score}/{exercise.max_score}\n\n")
    if exercise.note and exercise.found:  # graded from elsewhere: the note says how to move it
        out.write(f"Your file: {code(exercise.found[0])} (it belongs at {code(exercise.file)})\n\n")
    else:
        out.write(f"Your file: {code(exercise.file)}\n\n")
    if exercise.note:
        out.write(f"**Note: {inline(exercise.note)}**\n\n")
    if exercise.message:
        out.write(f"**{inline(exercise.message)}**\n")
        if exercise.location and str(exercise.location) not in exercise.message:  # "raised ... at FILE:LINE"
            out.write(f"\nWhere: {code(str(exercise.location))}\n")
        out.write(f"\nAll {len(exercise.checks)} checks score 0 until this is fixed.\n")
    elif exercise.not_started:
        out.write(f"Nothing to grade yet: {_unwritten(exercise)}.\n")
    else:
        shown: list[CheckResult] = []
        for check in exercise.checks:
            _check(check, out, shown)
    if not exercise.passed:
        section = lesson_section(exercise.id)
        docstring = f"the docstring at the top of {code(exercise.graded_file)}"
        places = [] if exercise.outcome is Outcome.MISSING else [docstring]
        places += [f"{inline(repr(section))} in the lesson"] if section else []
        reread = f"Re-read {', then '.join(places)}; run" if places else "Run"
        out.write(f"\nStuck? {reread} `grader hint {exercise.id}`, and `grader check {exercise.id}` to try again.\n")


def render(record: StudentRecord, out: TextIO) -> None:
    result = record.result
    out.write(f"# Feedback for {inline(record.student)}\n\n")
    if record.status == GRADER_ERROR:
        out.write("Your work could not be graded this time because of a problem in the grader, not in your code. "
                  "Your instructor has been told.\n")  # fmt: skip
        return
    problem = result.repository_problem
    if problem:
        out.write(f"**Total: {result.score} / {result.max_score} points**\n\n")
        out.write(f"Nothing could be graded: {inline(problem)}. Every exercise scores 0 until this is fixed.\n")
        _footer(result, out)
        return
    checks = result.checks
    out.write(f"**Total: {result.score} / {result.max_score} points** · "
              f"{sum(c.passed for c in checks)} of {len(checks)} checks passed\n\n")  # fmt: skip
    out.write("| Exercise | Points | |\n|---|---|---|\n")
    for exercise in result.exercises:
        note = "all checks pass" if exercise.passed else "not started" if exercise.not_started else (
            exercise.outcome.value.replace("_", " ") if exercise.message else
            f"{sum(c.passed for c in exercise.checks)} of {len(exercise.checks)} checks pass")  # fmt: skip
        title = inline(exercise.title, table=True)
        out.write(f"| {exercise.id} · {title} | {exercise.score}/{exercise.max_score} | {note} |\n")
    if _nothing_pushed(result):
        # Nine identical "is missing" sections would bury the one thing to do.
        out.write("\nNone of the exercise files is in your repository's `exercises/` folder, so nothing could be "
                  "graded. Commit and push your files there (`grader reset NN` puts the kit's file for exercise NN "
                  "back if you deleted it), then run `grader check` to try again.\n")  # fmt: skip
        _footer(result, out)
        return
    for exercise in result.exercises:
        _exercise(exercise, out)
    _footer(result, out)


def _nothing_pushed(result: SubmissionResult) -> bool:
    """Every exercise file is missing and none was found under another name (which its own section would
    point at)."""
    return len(result.exercises) > 1 and all(
        e.outcome is Outcome.MISSING and e.message.startswith(f"{e.file} is missing") and not e.found and not e.note
        for e in result.exercises
    )


def _footer(result: SubmissionResult, out: TextIO) -> None:
    out.write(f"\n---\nGraded by asyncio-kit's grader {inline(result.grader_version)}.\n")
