"""`--format text`: what a student reads in the terminal after `grader check`, and inside `grader watch`.

Colours and symbols come from rich, which drops colours when `NO_COLOR` is set and every escape code when the
output is not a terminal. Each failure says what happened, what was expected, where in the student's file, and
the fix, folded to the terminal's width and cut when long; an import problem is said once, not once per check,
and so is "not implemented yet": once per function the student has still to write, not once per check.

`render(result, stream)` is the entry point of the format. `render_exercise(console, result, previous)` shows
one exercise, and with `previous` (the result of the last run) only what changed since: `grader watch` uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from rich.console import Console
from rich.text import Text

from grader.catalog import lesson_section
from grader.invocation import grader_command
from grader.messages import clip
from grader.model import NOT_IMPLEMENTED, CheckResult, ExerciseResult, Outcome, Status, SubmissionResult
from grader.printed import shown_lines
from grader.render.console import DETAIL_INDENT, MAX_MESSAGE, make_console, on_one_line, print_wrapped, symbol

_COLOURS = {
    Status.PASSED: "green",
    Status.FAILED: "red",
    Status.SKIPPED: "yellow",
    Status.TIMEOUT: "red",
    Status.ERROR: "red",
    Status.CRASHED: "red",
}


def _status_symbol(console: Console, status: Status) -> str:
    name = status.value if status.value in ("passed", "skipped", "timeout") else "failed"
    return symbol(console, name)


def _check_line(console: Console, check: CheckResult, note: Text | str | None = None) -> None:
    """`  ✗ title 0/1  note`, wrapped under the title rather than under the symbol; a note that does not fit on the
    title's one line gets a line of its own, as a failure's details do, rather than running on after the title."""
    body = Text(check.title)
    body.append(f" {check.score}/{check.max_score}", style="dim")
    note = Text(note, style="dim") if isinstance(note, str) else note
    if note and body.cell_len + 2 + note.cell_len <= max(20, console.width - 4):
        body.append("  ")
        body.append(note)
        note = None
    first = Text("  ") + Text(_status_symbol(console, check.status), style=_COLOURS[check.status]) + Text(" ")
    print_wrapped(console, body, 4, first)
    if note:
        print_wrapped(console, note, DETAIL_INDENT)


def as_typed(text: str) -> str:
    """`text` with the grader commands it suggests (`grader reset 01`, in backticks) spelled as the student started
    the grader. The messages say `grader` since they also reach feedback files and platforms, where the student
    reads them away from the terminal this format prints to."""
    typed = grader_command()
    return text if typed == "grader" else text.replace("`grader ", f"`{typed} ")


def _detail(console: Console, label: str | None, text: str, style: str = "", indent: int = DETAIL_INDENT) -> None:
    line = Text()
    if label:
        line.append(f"{label}: ", style="dim")
    line.append(on_one_line(as_typed(text)), style=style)
    print_wrapped(console, line, indent)


SAME_FIX = "the same as above"
"""Shown instead of a fix just given word for word for the failure above: several checks that one mistake fails
often share their fix, and four copies of a paragraph bury the messages that differ."""


def _failure_details(console: Console, check: CheckResult, fix_above: str | None = None) -> None:
    """The message, then expected, at and fix; `fix_above` is the last fix shown, which is not repeated. Then what
    the student's code printed, if anything."""
    _detail(console, None, check.message, style="dim" if check.status is Status.SKIPPED else "bold")
    for label, text in check.details():
        if label == "fix" and text == fix_above:
            _detail(console, label, SAME_FIX, style="dim")
        else:
            _detail(console, label, text, style="cyan" if label == "at" else "")
    _printed(console, check.printed)


def _printed(console: Console, printed: str) -> None:
    if lines := shown_lines(printed):
        _detail(console, "your code printed", "", style="dim")
        for line in lines:
            # Never folded: a line of output folded in two reads as two lines, and where the format of what the code
            # printed is the claim (exercise 03's "Finished ... in 0.1234 s"), that misleads; the terminal wraps it.
            console.print(" " * (DETAIL_INDENT + 2), Text(clip(line, MAX_MESSAGE), style="dim"), sep="", soft_wrap=True)


def _not_implemented_summary(console: Console, checks: list[CheckResult]) -> None:
    """Each function the student has still to write, once, with its line and the stub's pointer to the lesson."""
    functions: dict[str, CheckResult] = {}
    for check in checks:
        key = f"{check.location.function}()" if check.location and check.location.function else check.message
        functions.setdefault(key, check)
    title = "This function is" if len(functions) == 1 else "These functions are"
    print_wrapped(console, Text(f"{title} not implemented yet (still raising NotImplementedError):", style="bold"), 2)
    for name, check in functions.items():
        line = Text(name, style="bold")
        if check.location:
            line.append(f"  {check.location.file}:{check.location.line}", style="cyan")
        print_wrapped(console, line, 4)
        if check.fix:
            _detail(console, None, check.fix, style="dim")


def _full(console: Console, check: CheckResult, note_missing: bool = True, fix_above: str | None = None) -> None:
    if check.passed:
        _check_line(console, check)
    elif check.not_implemented:
        _check_line(console, check, NOT_IMPLEMENTED if note_missing else None)
    elif check.status is Status.SKIPPED:
        _check_line(console, check, on_one_line(check.message, 240))  # "can't check this until <a title> passes": whole
    else:
        _check_line(console, check)
        _failure_details(console, check, fix_above)


SAME_AS_TITLE = 48
"""Characters of an earlier check's title quoted by "fails the same way as ...": enough to find it."""


def _full_once(console: Console, check: CheckResult, shown: list[CheckResult], note_missing: bool = True) -> None:
    """`_full`, except that a failure told in full above (one cause failing many checks) is one line.

    `shown` holds the failures told in full so far, in order. "As above" means the last of them; a failure
    first told further up is named by its title, since the one just above may fail in another way."""
    explained = not check.passed and check.status is not Status.SKIPPED and not check.not_implemented
    twin = check.repeats(shown)
    if explained and twin is not None:
        if check.not_run:  # it did not fail: the time ran out before it started, as for the one above
            _check_line(console, check, Text("not run either", style="dim"))
            return
        where = "above" if twin is shown[-1] else f'"{on_one_line(twin.title, SAME_AS_TITLE)}" above'
        _check_line(console, check, Text(f"fails the same way as {where}", style="dim"))
        return
    _full(console, check, note_missing, fix_above=shown[-1].fix if shown else None)
    if explained:
        shown.append(check)


@dataclass
class Changes:
    """How one exercise's checks moved between two runs."""

    now_passing: list[CheckResult] = field(default_factory=list)
    now_failing: list[CheckResult] = field(default_factory=list)
    """Failing now, passing (or absent) before."""
    failing_differently: list[CheckResult] = field(default_factory=list)
    """Failing now and before, but not in the same way (another message, another line)."""
    still_failing: list[CheckResult] = field(default_factory=list)
    """The very same failure as in the last run."""
    still_passing: list[CheckResult] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.now_passing or self.now_failing or self.failing_differently)


def changes(previous: ExerciseResult, current: ExerciseResult) -> Changes:
    before = {c.name: c for c in previous.checks}
    found = Changes()
    for check in current.checks:
        old = before.get(check.name)
        if check.passed:
            (found.still_passing if old is not None and old.passed else found.now_passing).append(check)
        elif old is None or old.passed:
            found.now_failing.append(check)
        elif check.unchanged_from(old):
            found.still_failing.append(check)
        else:
            found.failing_differently.append(check)
    return found


def _header(console: Console, exercise: ExerciseResult) -> None:
    colour = "green" if exercise.passed else "red" if exercise.score == 0 else "yellow"
    line = Text()
    line.append(f"Exercise {exercise.id} {symbol(console, 'dot')} {exercise.title}", style="bold")
    line.append(f"  {exercise.score}/{exercise.max_score}", style=colour)
    where = Text(exercise.file, style="dim")
    if line.cell_len + 2 + where.cell_len <= console.width:
        console.print(line + Text("  ") + where)
    else:  # the file on a line of its own, rather than wrapped after trailing spaces
        console.print(line)
        console.print(where)


def _whole_exercise_problem(console: Console, exercise: ExerciseResult) -> None:
    """The exercise could not be graded at all (syntax error, import error, missing file): say why once."""
    first = Text("  ") + Text(symbol(console, "failed"), style="red") + Text(" ")
    print_wrapped(console, Text(on_one_line(as_typed(exercise.message)), style="bold"), 4, first)
    if exercise.location and str(exercise.location) not in exercise.message:  # import errors name it already
        _detail(console, "at", str(exercise.location), style="cyan")
    fixes = {check.fix for check in exercise.checks}
    if len(fixes) == 1 and (fix := fixes.pop()):  # one fix for the whole file (its top level runs forever, say)
        _detail(console, "fix", fix)
    _detail(console, None, f"all {len(exercise.checks)} checks score 0 until this is fixed", style="dim")


def _names(checks: list[CheckResult]) -> set[str]:
    return {check.name for check in checks}


def _diff_body(console: Console, exercise: ExerciseResult, moved: Changes) -> None:
    parts = []
    if moved.now_passing:
        parts.append(f"{len(moved.now_passing)} now pass" if len(moved.now_passing) > 1 else "1 now passes")
    if moved.now_failing:
        parts.append(f"{len(moved.now_failing)} now fail" if len(moved.now_failing) > 1 else "1 now fails")
    if moved.failing_differently:
        parts.append(f"{len(moved.failing_differently)} failing differently")
    if moved.still_failing:
        parts.append(f"{len(moved.still_failing)} failing as before")
    if moved.still_passing:
        parts.append(f"{len(moved.still_passing)} passing as before")
    title = "Since the last run: " if moved.any else "No change since the last run: "
    print_wrapped(console, Text(title + ", ".join(parts), style="dim"), 2)
    # In course order; a check passing as before is only counted, a failure seen in the last run is one line.
    now_passing, still_failing = _names(moved.now_passing), _names(moved.still_failing)
    changed = _names(moved.now_failing) | _names(moved.failing_differently)
    shown: list[CheckResult] = []
    for check in exercise.checks:
        if check.name in now_passing:
            _check_line(console, check, Text("now passes", style="green"))
        elif check.name in changed:
            _full_once(console, check, shown)
        elif check.name in still_failing:
            note = NOT_IMPLEMENTED if check.not_implemented else on_one_line(check.message, 120)
            _check_line(console, check, note)


def render_exercise(
    console: Console,
    exercise: ExerciseResult,
    previous: ExerciseResult | None = None,
    *,
    stuck: Text | None = None,
    brief_if_passed: bool = False,
) -> None:
    """One exercise's verdict; given the `previous` result of the same exercise, only what changed since.

    `stuck` says how to get a hint when the exercise does not pass yet (default: run `grader hint NN`), after the
    file's docstring and the lesson's section on it; inside `grader watch` it is a key to press, not a command to
    type in another terminal. With `brief_if_passed`, an exercise whose every check passed is one line under its
    header, not a line per check: in a grading of the whole kit, what still fails is what the student looks for."""
    _header(console, exercise)
    if brief_if_passed and exercise.passed and not exercise.note and not exercise.message:
        line = Text("  ") + Text(symbol(console, "passed"), style="green")
        console.print(line + Text(f" all {len(exercise.checks)} checks pass"))
        return
    if exercise.note:  # graded, but from elsewhere: the student learns where to move the file before anything else
        first = Text("  ") + Text(symbol(console, "note"), style="yellow") + Text(" ")
        print_wrapped(console, Text(on_one_line(exercise.note), style="yellow"), 4, first)
    if exercise.message:
        _whole_exercise_problem(console, exercise)
    elif previous is None or previous.message or previous.id != exercise.id:
        some_written = not all(c.not_implemented for c in exercise.checks)
        shown: list[CheckResult] = []
        for check in exercise.checks:
            _full_once(console, check, shown, note_missing=some_written)
    else:
        _diff_body(console, exercise, changes(previous, exercise))
    missing = [c for c in exercise.checks if c.not_implemented]
    if missing and not exercise.message:
        _not_implemented_summary(console, missing)
    if not exercise.passed:
        _where_next(console, exercise, stuck)


def _where_next(console: Console, exercise: ExerciseResult, hint: Text | None) -> None:
    """Where to look next: the docstring at the top of the student's file, which teaches the task (the lesson shows
    the problem, and for some exercises never the technique), the lesson's section, then a hint (`hint` says how to
    get one). The file alone ends the first line, so that a terminal of 80 columns folds none of it."""
    hint = hint or Text.assemble(("run ", "dim"), f"{grader_command()} hint {exercise.id}")
    if exercise.not_started:  # the stub's own pointers name the lesson's section already
        print_wrapped(console, Text("stuck? ", style="dim") + hint, 2)
        return
    section = lesson_section(exercise.id)
    if exercise.outcome is Outcome.MISSING:  # no file, no docstring to re-read
        lead = Text.assemble(("stuck? re-read ", "dim"), f"'{section}'", (" in the lesson, or ", "dim"))
        print_wrapped(console, (lead if section else Text("stuck? ", style="dim")) + hint, 2)
        return
    docstring = Text.assemble(("stuck? re-read the docstring at the top of ", "dim"), exercise.graded_file)
    print_wrapped(console, docstring, 2)
    rest = Text.assemble(("and ", "dim"), f"'{section}'", (" in the lesson, or ", "dim")) if section else Text("or ")
    print_wrapped(console, rest + hint, 2)


def render(result: SubmissionResult, stream: TextIO) -> None:
    console = make_console(stream)
    for exercise in result.exercises:
        render_exercise(console, exercise, brief_if_passed=len(result.exercises) > 1)
        console.print()
    checks = result.checks
    passed = sum(c.passed for c in checks)
    colour = "green" if result.passed else "red"
    total = Text()
    total.append("Total ", style="bold")
    total.append(f"{result.score}/{result.max_score}", style=colour)
    total.append(f" points {symbol(console, 'dot')} {passed} of {len(checks)} checks passed ")
    total.append(f"{symbol(console, 'dot')} {result.duration:.1f} s")
    console.print(total)
