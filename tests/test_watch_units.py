"""`grader.watch`'s parts that need no watcher running."""

from __future__ import annotations

from grader.errors import InternalError, NoSubmission
from grader.watch import grader_failure_message


def test_a_bug_without_words_is_named_by_its_exception():
    message = grader_failure_message("exercises/ex01_futures.py", RuntimeError())
    assert message.startswith("the grader failed on exercises/ex01_futures.py: RuntimeError. This is a bug")


def test_the_machines_problem_is_not_called_a_bug():
    message = grader_failure_message("exercises/ex01_futures.py", NoSubmission("no exercises/ folder"))
    assert message == "could not grade exercises/ex01_futures.py: no exercises/ folder"


def test_control_characters_in_a_failure_reach_the_terminal_as_escapes():
    message = grader_failure_message("exercises/ex01_futures.py", InternalError("did not start: \x1b]0;PWNED\x07"))
    assert "\x1b" not in message and "\\x1b]0;PWNED\\x07" in message
