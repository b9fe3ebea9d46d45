"""What a student left in for running a file by hand (breakpoint(), input()) and a misspelt name: told in the
student's words, pointing at their line, never a debugger started on a closed stdin or "changed the grader's code"."""

from __future__ import annotations

from support import KIT, grade_source

from grader.model import Outcome

REFERENCE = (KIT / "solutions" / "ex01_futures.py").read_text(encoding="utf-8")
SLEEP = "    await asyncio.sleep(delay)\n"


def _before_the_sleep(statement: str) -> str:
    """The reference solution with `statement` just before set_future_value's sleep, which every check reaches."""
    assert REFERENCE.count(SLEEP) >= 1
    return REFERENCE.replace(SLEEP, f"    {statement}\n{SLEEP}", 1)


def _line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def test_a_breakpoint_fails_the_checks_that_reach_it_and_says_to_remove_it(tmp_path):
    source = _before_the_sleep("breakpoint()")
    result = grade_source(tmp_path, "01", source)
    reached = [c for c in result.checks if "breakpoint()" in c.message]
    assert reached and all(not c.passed for c in reached)
    first = reached[0]
    assert first.message == (
        "your code called breakpoint() in set_future_value, and grading has no debugger to stop in"
    )
    assert first.fix.startswith("Remove the breakpoint() call before grading")
    assert first.location.line == _line_of(source, "breakpoint()")
    assert not any("grader's own code" in c.message for c in result.checks)


def test_a_breakpoint_at_the_top_level_fails_the_import_with_its_line(tmp_path):
    source = REFERENCE + "\nbreakpoint()\n"
    result = grade_source(tmp_path, "01", source)
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    assert "your code called breakpoint()" in result.message and "Remove the breakpoint() call" in result.message
    assert result.location.line == _line_of(source, "breakpoint()")


def test_input_in_a_function_says_grading_has_no_keyboard(tmp_path):
    source = _before_the_sleep('input("press enter")')
    checks = [c for c in grade_source(tmp_path, "01", source).checks if not c.passed]
    assert checks
    first = checks[0]
    assert first.message.startswith("your code called input() in set_future_value, and grading has no keyboard")
    assert "closed file" not in first.message  # how input() fails with no keyboard says nothing to a student
    assert first.fix.startswith("input() waits for someone to type, and the checks run with no keyboard")
    assert first.location.line == _line_of(source, "input(")


def test_input_where_a_check_expects_another_exception_is_still_told_as_input(tmp_path):
    """08's check outside a running loop expects a RuntimeError: input()'s error is not a wrong exception to it."""
    source = (KIT / "solutions" / "ex08_running_loop.py").read_text(encoding="utf-8")
    body = "    return asyncio.get_running_loop().call_soon(callback, *args)\n"
    source = source.replace(body, f"    ask()\n{body}", 1) + '\n\ndef ask():\n    return input("name? ")\n'
    checks = {c.name: c for c in grade_source(tmp_path, "08", source).checks}
    told = checks["raises_outside_a_running_loop"]
    assert told.message == "your code called input() in ask, and grading has no keyboard to type on", told.message
    assert told.fix.startswith("input() waits for someone to type")


def test_input_at_the_top_level_says_where_a_demo_belongs(tmp_path):
    source = REFERENCE + '\nname = input("your name: ")\n'
    result = grade_source(tmp_path, "01", source)
    assert result.outcome is Outcome.IMPORT_ERROR
    assert result.message.startswith("importing exercises/ex01_futures.py: your code called input() at"), result.message
    assert "input() waits for someone to type" in result.message
    assert 'if __name__ == "__main__":' in result.message


def test_a_misspelt_name_gets_pythons_did_you_mean(tmp_path):
    source = REFERENCE.replace(SLEEP, "    await asyncio.sleep(delya)\n", 1)
    failed = [c for c in grade_source(tmp_path, "01", source).checks if not c.passed]
    assert failed[0].message == (
        "set_future_value() raised NameError: name 'delya' is not defined. Did you mean: 'delay'?"
    )


def test_a_misspelt_attribute_gets_pythons_did_you_mean(tmp_path):
    source = REFERENCE.replace(SLEEP, "    await asyncio.slep(delay)\n", 1)
    failed = [c for c in grade_source(tmp_path, "01", source).checks if not c.passed]
    assert failed[0].message.endswith(
        "AttributeError: module 'asyncio' has no attribute 'slep'. Did you mean: 'sleep'?"
    )
