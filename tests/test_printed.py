"""The stand-in for sys.stdout that keeps what a student's code prints during a check (grader/printed.py)."""

from __future__ import annotations

import io
import signal
import sys
import threading

import pytest

from grader.printed import KEPT, PrintedDuringCheck, shown_lines


def test_it_passes_everything_on_and_keeps_the_start():
    stream = io.StringIO()
    printed = PrintedDuringCheck(stream)
    printed.write("a" * (KEPT - 1))
    printed.write("bcd")
    assert stream.getvalue() == "a" * (KEPT - 1) + "bcd"
    assert printed.text() == "a" * (KEPT - 1) + "b\n… and 2 more character(s)"


@pytest.mark.timeout(10, method="thread")  # the bug this guards against is a deadlock
def test_the_time_limit_reads_it_while_a_write_of_the_same_thread_holds_it():
    # SIGALRM interrupts the student's print inside write(); the handler reads text() in the same thread.
    printed, got = PrintedDuringCheck(io.StringIO()), []
    previous = signal.signal(signal.SIGALRM, lambda *_: got.append(printed.text()))
    try:
        with printed._lock:  # as write() holds it
            signal.setitimer(signal.ITIMER_REAL, 0.01)
            threading.Event().wait(0.2)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert got == [""]


def test_the_students_own_stdout_stays_theirs():
    original = sys.stdout
    printed = PrintedDuringCheck.install()
    try:
        assert sys.stdout is printed
        theirs = io.StringIO()
        sys.stdout = theirs
        printed.uninstall()
        assert sys.stdout is theirs
    finally:
        sys.stdout = original


def test_outputs_show_a_few_lines_and_say_how_many_more():
    assert shown_lines("\n".join(f"line {n}" for n in range(9)) + "\n\n") == [
        *(f"line {n}" for n in range(6)),
        "… and 3 more line(s)",
    ]
    assert shown_lines("  \n") == []


def test_a_function_that_printed_and_returned_none_is_told_to_return():
    from grader.messages import printed_not_returned

    said = printed_not_returned("kind_of(fetch()) returned None", "coroutine\n")
    assert said is not None and "`return ...` where you print" in said
    assert printed_not_returned("kind_of(fetch()) returned None", "") is None  # nothing printed: no such guess
    assert printed_not_returned("kind_of(fetch()) returned 'task'", "task\n") is None
    assert printed_not_returned("awaiting the future returned None instead of raising", "x\n") is None
    expected_an_error = "RuntimeError, as asyncio.get_running_loop() raises when no loop is running"
    assert printed_not_returned("schedule_soon(callback, 1) returned None", "debug\n", expected_an_error) is None
