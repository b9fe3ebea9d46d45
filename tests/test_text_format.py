"""The text format: what a student reads, built from results made by hand."""

from __future__ import annotations

import io

from rich.text import Text

from grader.model import CheckResult, ExerciseResult, Location, Outcome, Status, SubmissionResult
from grader.render.console import forget_interrupted_write, make_console, print_wrapped
from grader.render.text_format import changes, render, render_exercise

FILE = "exercises/ex01_futures.py"


def check(name: str, status: Status = Status.PASSED, message: str = "", **details) -> CheckResult:
    score = 1 if status is Status.PASSED else 0
    return CheckResult(name, f"title of {name}", status, score, 1, message, **details)


def not_implemented(name: str, function: str, line: int) -> CheckResult:
    return check(name, Status.FAILED, f"not implemented yet: {function}() still raises NotImplementedError",
                 fix=f"write {function}", location=Location(FILE, line, function))  # fmt: skip


def exercise(*checks: CheckResult, message: str = "", outcome: Outcome = Outcome.OK) -> ExerciseResult:
    return ExerciseResult("01", "futures", "Futures", FILE, list(checks), outcome=outcome, message=message)


class Stream(io.StringIO):
    def __init__(self, terminal: bool = False, encoding: str = "utf-8") -> None:
        super().__init__()
        self._terminal, self._encoding = terminal, encoding

    def isatty(self) -> bool:
        return self._terminal

    @property
    def encoding(self) -> str:
        return self._encoding


def shown(result: ExerciseResult, previous: ExerciseResult | None = None, **stream) -> str:
    out = Stream(**stream)
    render_exercise(make_console(out), result, previous)
    return out.getvalue()


def test_not_implemented_is_said_once_per_function():
    text = shown(exercise(not_implemented("a", "make_request", 10), not_implemented("b", "make_request", 10),
                          not_implemented("c", "set_future_value", 20)))  # fmt: skip
    assert text.count("write make_request") == 1 and text.count("write set_future_value") == 1
    assert "make_request()  exercises/ex01_futures.py:10" in text
    assert "title of a" in text and "title of c" in text


def test_one_cause_failing_many_checks_is_told_once():
    same = {"message": "async_timed needs the argument func", "fix": "write def async_timed():",
            "location": Location(FILE, 3, "async_timed")}  # fmt: skip
    text = shown(exercise(check("a", Status.FAILED, **same), check("b"), check("c", Status.FAILED, **same),
                          check("d", Status.FAILED, "another story", location=same["location"])))  # fmt: skip
    assert text.count("async_timed needs the argument func") == 1 and text.count("write def async_timed") == 1
    assert "title of c 0/1  fails the same way as above" in text
    assert "another story" in text and text.count("fails the same way") == 1


def test_the_same_failure_of_calls_with_other_arguments_is_told_once():
    at = {"fix": "await it", "location": Location(FILE, 3, "fetch_status")}
    first, second = "fetch_status('http://a.test/1')", "fetch_status('http://a.test/(slow)')"
    text = shown(exercise(check("a", Status.FAILED, f"{first} returned a future", **at),
                          check("b", Status.FAILED, f"{second} returned a future", **at),
                          check("c", Status.FAILED, f"{first} returned None", **at)))  # fmt: skip
    assert "title of b 0/1  fails the same way as above" in text
    assert "returned None" in text and text.count("fails the same way") == 1


def test_a_failure_told_further_up_is_named_not_said_to_be_just_above():
    # ex01 with make_request scheduling nothing: two checks stop alike, a third between them fails otherwise
    timeout = {"message": "the check stopped with TimeoutError"}
    text = shown(exercise(check("a", Status.FAILED, **timeout), check("b", Status.FAILED, "the loop blocked"),
                          check("c", Status.FAILED, **timeout)))  # fmt: skip
    assert 'title of c 0/1  fails the same way as "title of a" above' in text
    assert "fails the same way as above" not in text


def test_a_fix_given_just_above_is_not_repeated_word_for_word():
    # ex03 with a plain-def wrapper: four checks, four messages, one fix
    fix = "Your wrapper is a plain `def`: make it `async def wrapped(*args, **kwargs)` and await func."
    text = shown(exercise(check("a", Status.FAILED, "printed 0.0000, not 2.5000", fix=fix), check("b"),
                          check("c", Status.FAILED, "printed 0.0000, not 1.2500", fix=fix),
                          check("d", Status.FAILED, "printed 0.0000, not 0.7500", fix="another fix"),
                          check("e", Status.FAILED, "printed 0.0000, not 7.0000", fix=fix)))  # fmt: skip
    assert all(f"printed 0.0000, not {total}" in text for total in ("2.5000", "1.2500", "0.7500", "7.0000"))
    assert text.count("plain `def`") == 2, "told once, then again after another fix came between"
    assert text.count("fix: the same as above") == 1 and "fix: another fix" in text


def test_a_label_wider_than_the_indent_still_ends_lines_at_the_edge():
    # `grader watch`'s "  hint 1 of 5: " before a hint folded as if only the two spaces were there: the line ran
    # past a 100-column terminal, which cut "questions" into "q" and "uestions"
    out = Stream()
    console = make_console(out)
    console.width = 60
    print_wrapped(console, Text("which of the two questions must you ask first? " * 3), 2, Text("  hint 1 of 5: "))
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("  hint 1 of 5: which") and max(len(line) for line in lines) <= 60
    assert all(line.startswith("  ") for line in lines[1:]) and "questions" in lines[0] + lines[1]


class InterruptedOnce(io.StringIO):
    """A terminal whose first flush is where Ctrl-C lands: after the text was written, before Rich forgot it."""

    interrupted = False

    def flush(self) -> None:
        if not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt


def test_ctrl_c_in_the_middle_of_a_write_does_not_write_it_twice():
    out = InterruptedOnce()
    console = make_console(out)
    try:
        console.print("the verdict")
    except KeyboardInterrupt:
        forget_interrupted_write(console)
        console.print("Stopped watching.")
    assert out.getvalue() == "the verdict\nStopped watching.\n"


def test_where_to_look_next_is_the_lessons_section_then_a_hint_said_another_way_in_watch():
    failing = exercise(check("a", Status.FAILED, "boom"))
    text = shown(failing)
    docstring = f"stuck? re-read the docstring at the top of {FILE}\n"  # it teaches the task; the lesson, the idea
    assert docstring + "  and 'Introducing futures' in the lesson, or run " in text and "grader hint 01\n" in text
    out = Stream()
    render_exercise(make_console(out), failing, stuck=Text("press h for a hint"))
    assert "or press h for a hint" in out.getvalue() and "grader hint" not in out.getvalue()
    missing = exercise(check("a", Status.ERROR, "gone"), message="exercises/ex01_futures.py is missing",
                       outcome=Outcome.MISSING)  # fmt: skip
    assert "stuck? re-read 'Introducing futures' in the lesson, or run " in shown(missing)  # no docstring to read
    debug_mode = exercise(check("a", Status.FAILED, "boom"))
    debug_mode.id = "09"  # its section of the lesson is empty: the docstring, then the hint
    text = shown(debug_mode)
    assert docstring + "  or run " in text and "grader hint 09" in text and "in the lesson" not in text


def test_a_failure_shows_what_happened_expected_where_and_fix():
    text = shown(exercise(check("a", Status.FAILED, "it returned 3", expected="4", fix="add one",
                                location=Location(FILE, 12, "make_request"))))  # fmt: skip
    for part in ("it returned 3", "expected: 4", f"at: {FILE}:12 in make_request", "fix: add one", "grader hint 01"):
        assert part in text


def test_long_messages_are_cut_and_folded_to_the_width():
    text = shown(exercise(check("a", Status.FAILED, "word " * 2000, expected="x" * 3000)))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert len(text) < 1500 and "…" in text


def test_an_import_problem_is_said_once():
    failure = "syntax error in exercises/ex01_futures.py:3 (invalid syntax)"
    result = exercise(*(check(n, Status.ERROR, failure) for n in "abc"), message=failure, outcome=Outcome.SYNTAX_ERROR)
    text = shown(result)
    assert text.count("syntax error") == 1 and "all 3 checks score 0" in text


def test_plain_without_a_terminal_and_ascii_where_unicode_cannot_be_shown():
    result = exercise(check("a"), check("b", Status.FAILED, "boom"))
    assert "\x1b" not in shown(result)
    assert "\x1b[" in shown(result, terminal=True)
    ascii_text = shown(result, encoding="ascii")
    assert "✓" not in ascii_text and "+ title of a" in ascii_text and "x title of b" in ascii_text


def test_changes_sort_checks_by_how_they_moved():
    before = exercise(check("a", Status.FAILED, "no"), check("b"), check("c", Status.FAILED, "old"),
                      check("d", Status.FAILED, "same"), check("e"))  # fmt: skip
    after = exercise(check("a"), check("b", Status.FAILED, "broke"), check("c", Status.FAILED, "new"),
                     check("d", Status.FAILED, "same"), check("e"))  # fmt: skip
    moved = changes(before, after)
    assert [c.name for c in moved.now_passing] == ["a"]
    assert [c.name for c in moved.now_failing] == ["b"]
    assert [c.name for c in moved.failing_differently] == ["c"]
    assert [c.name for c in moved.still_failing] == ["d"]
    assert [c.name for c in moved.still_passing] == ["e"]


def test_with_a_previous_result_only_what_changed_is_shown_in_full():
    before = exercise(check("a", Status.FAILED, "first failure", fix="fix a"), check("b"),
                      check("d", Status.FAILED, "same failure", fix="fix d"))  # fmt: skip
    after = exercise(check("a"), check("b"), check("d", Status.FAILED, "same failure", fix="fix d"))
    text = shown(after, before)
    assert "Since the last run: 1 now passes, 1 failing as before, 1 passing as before" in text
    assert "title of a 1/1  now passes" in text
    assert "title of b" not in text, "a check that passed before and passes now is only counted"
    assert "same failure" in text and "fix d" not in text, "a failure already shown is one line"
    assert "No change since the last run" in shown(after, after)


def test_a_new_debugging_print_or_another_exception_message_is_a_change_worth_showing():
    before = exercise(check("a", Status.FAILED, "f() raised ValueError('old error')", fix="fix a"))
    printing = exercise(check("a", Status.FAILED, "f() raised ValueError('old error')", fix="fix a", printed="x=3"))
    assert "x=3" in shown(printing, before) and "No change" not in shown(printing, before)
    other = exercise(check("a", Status.FAILED, "f() raised ValueError('now a different error')", fix="fix a"))
    assert "now a different error" in shown(other, before) and "No change" not in shown(other, before)


def test_exceptions_with_other_messages_are_not_the_same_failure():
    first = check("a", Status.FAILED, "f() raised ValueError('one')", fix="same")
    second = check("b", Status.FAILED, "f() raised ValueError('two')", fix="same")
    assert not second.same_failure(first)
    assert "ValueError('two')" in shown(exercise(first, second))


def test_render_ends_with_the_total():
    out = Stream()
    render(SubmissionResult([exercise(check("a"), check("b", Status.FAILED, "x"))], duration=0.5), out)
    assert out.getvalue().splitlines()[-1] == "Total 1/2 points · 1 of 2 checks passed · 0.5 s"


def test_a_passed_exercise_is_one_line_in_a_grading_of_several_and_every_check_on_its_own():
    passed = exercise(check("a"), check("b"))
    failing = ExerciseResult("02", "awaitables", "Awaitables", "exercises/ex02_awaitables.py",
                             [check("c"), check("d", Status.FAILED, "d went wrong")])  # fmt: skip
    out = Stream()
    render(SubmissionResult([passed, failing]), out)
    text = out.getvalue()
    assert "✓ all 2 checks pass" in text and "title of a" not in text and "title of b" not in text
    assert "title of c" in text and "d went wrong" in text  # a failing exercise shows each check
    alone = Stream()
    render(SubmissionResult([passed]), alone)
    assert "title of a" in alone.getvalue() and "all 2 checks pass" not in alone.getvalue()


def test_checks_left_without_time_are_not_run_either_not_failing_the_same_way():
    # ex01 whose make_request loops forever and set_future_value is the stub: the first check times out, the
    # exercise's time runs out, and the checks after it never start; they did not fail
    not_run = {
        "message": "not run: the checks before it took all the 12 s this exercise may take",
        "fix": "Fix the endless loop or blocking call that the timed-out checks point at, then grade again.",
    }
    text = shown(exercise(check("a", Status.TIMEOUT, "the check did not finish within 3 s", fix="look for a loop"),
                          not_implemented("b", "set_future_value", 20),
                          check("c", Status.TIMEOUT, **not_run), check("d", Status.TIMEOUT, **not_run)))  # fmt: skip
    assert text.count("not run: the checks before it took all the 12 s") == 1
    assert "title of d 0/1  not run either" in text and "fails the same way" not in text
    assert "This function is not implemented yet" in text and "set_future_value()  exercises/ex01_futures.py:20" in text


def test_a_long_title_quoted_as_the_same_failure_is_cut_after_a_word():
    from grader.messages import clip

    assert clip("after a coroutine returns, the loop is closed and not left behind", 48) == (
        "after a coroutine returns, the loop is closed…"
    )
    assert clip("x" * 100, 10) == "x" * 9 + "…"  # no word to cut after: the characters, as before


def test_a_long_line_the_students_code_printed_is_never_folded_into_two():
    printed = "Starting <function echo at 0x7f00deadbeef> with args (1, 'two') {'three': [3], 'four': [4, 4, 4, 4]}\n"
    text = shown(exercise(check("a", Status.FAILED, "went wrong", printed=printed)))
    assert printed.strip() in text


def test_what_the_students_code_printed_is_shown_under_the_failure_in_a_few_lines():
    printed = "".join(f"debug line {n}\n" for n in range(1, 11))
    text = shown(exercise(check("a", Status.FAILED, "went wrong", printed=printed), check("b", printed="not shown")))
    assert "your code printed:\n        debug line 1\n" in text and "debug line 6\n" in text
    assert "debug line 7" not in text and "… and 4 more line(s)" in text and "not shown" not in text


def test_a_note_that_does_not_fit_after_a_wrapped_title_gets_its_own_line():
    long_title = CheckResult("b", "a title long enough to wrap " * 3, Status.FAILED, 0, 1, "went wrong")
    failing = check("a", Status.FAILED, "went wrong")
    lines = shown(exercise(failing, long_title)).splitlines()
    note = next(n for n, line in enumerate(lines) if "fails the same way as above" in line)
    assert lines[note].startswith(" " * 6 + "fails the same way"), lines
    assert lines[note - 1].endswith("0/1"), lines  # the title's last line ends with its points, nothing after
    short = shown(exercise(failing, check("c", Status.FAILED, "went wrong")))
    assert "title of c 0/1  fails the same way as above" in short  # one line when it fits


def test_a_file_graded_from_elsewhere_is_the_one_whose_docstring_to_re_read():
    moved = exercise(check("a", Status.FAILED, "boom"))
    moved.found, moved.note = ["ex01_futures.py"], "graded ex01_futures.py, found outside exercises/ex01_futures.py"
    assert "stuck? re-read the docstring at the top of ex01_futures.py\n" in shown(moved)


def test_a_suggested_command_is_spelled_as_the_student_started_the_grader(monkeypatch):
    import grader.render.text_format as text_format

    said = "exercises/ex01_futures.py is missing: `grader reset 01` puts the kit's file back"
    missing = exercise(check("a", Status.ERROR, said), message=said, outcome=Outcome.MISSING)
    stub = exercise(check("a", Status.FAILED, "x", fix="Keep every function (`grader reset` puts a stub back)"))
    monkeypatch.setattr(text_format, "grader_command", lambda: ".venv/bin/grader")
    text = " ".join(shown(missing).split())
    assert "`.venv/bin/grader reset 01` puts" in text and "`grader reset" not in text
    assert "(`.venv/bin/grader reset` puts a stub back)" in " ".join(shown(stub).split())
    monkeypatch.setattr(text_format, "grader_command", lambda: "grader")  # the messages say it that way already
    assert "`grader reset 01` puts" in " ".join(shown(missing).split())
