"""Student code is untrusted: whatever it does, the grader ends with a clear message and a zero for what failed,
never a hang, never a pass it did not earn, never a lost result for the rest."""

from __future__ import annotations

import base64
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import KIT, SUBMISSIONS, make_submission, obeyed, workspaces

from grader.catalog import load_catalog
from grader.diagnose import UNEXPLAINED
from grader.messages import clip
from grader.model import Outcome, Status, SubmissionResult
from grader.plugin import MESSAGE_LIMIT
from grader.pristine import is_untouched
from grader.progress import fingerprints
from grader.render import FORMATS, renderer
from grader.runner import grade, grade_exercise
from grader.testing import SHOWN_ITEMS, value_repr

HOSTILE = SUBMISSIONS / "hostile"
EX01 = load_catalog().get("01")
SOLUTION = KIT / "solutions" / EX01.filename
SET_FUTURE_VALUE_CHECKS = {"sets_result_after_delay", "set_future_value_ignores_done_future"}


def grade_hostile(tmp_path, case: str, time_limit: float = 1.0):
    submission = make_submission(tmp_path, {EX01.filename: HOSTILE / f"{case}.py"})
    started = time.monotonic()
    result = grade_exercise(EX01, submission, time_limit=time_limit)
    return result, time.monotonic() - started


def assert_no_grader_traceback(result):
    for text in [result.message] + [c.message for c in result.checks]:
        assert "Traceback" not in text and "grader/" not in text, text


def test_syntax_error_names_file_and_line(tmp_path):
    result, _ = grade_hostile(tmp_path, "syntax_error")
    assert result.outcome is Outcome.SYNTAX_ERROR and result.score == 0
    assert "exercises/ex01_futures.py:4" in result.message
    assert result.location.line == 4
    assert {c.status for c in result.checks} == {Status.ERROR}
    assert_no_grader_traceback(result)


def test_import_time_exception_names_the_line(tmp_path):
    result, _ = grade_hostile(tmp_path, "import_raises")
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    assert "KeyError" in result.message and "exercises/ex01_futures.py:4" in result.message
    assert_no_grader_traceback(result)


def test_a_request_at_import_is_blocked_and_named_with_the_line_that_sent_it(tmp_path):
    result, _ = grade_hostile(tmp_path, "request_at_import")
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    said = result.message
    assert "importing exercises/ex01_futures.py tried to reach the network (blocked while grading) at " in said, said
    assert "exercises/ex01_futures.py:8 in fetch_example, called at line 15" in result.message, result.message
    assert_no_grader_traceback(result)


def test_the_network_stays_blocked_from_the_import_to_the_end_between_checks_too(tmp_path):
    result, _ = grade_hostile(tmp_path, "probes_the_network_throughout")
    assert result.outcome is not Outcome.CRASHED, result.message
    assert {c.status for c in result.checks} == {Status.FAILED}, [c.message for c in result.checks]
    assert all("not implemented yet" in c.message for c in result.checks), [c.message for c in result.checks]


def test_sys_exit_at_import(tmp_path):
    result, _ = grade_hostile(tmp_path, "exit_at_import")
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    assert "sys.exit(0)" in result.message


def test_os_exit_at_import(tmp_path):
    result, _ = grade_hostile(tmp_path, "os_exit_at_import")
    assert result.outcome is Outcome.CRASHED and result.score == 0
    assert "importing exercises/ex01_futures.py" in result.message and "os._exit" in result.message


def test_endless_loop_in_a_coroutine_times_out_each_check_and_the_rest_still_run(tmp_path):
    result, elapsed = grade_hostile(tmp_path, "spin_in_coroutine")
    statuses = {c.name: c.status for c in result.checks}
    assert statuses["future_resolves_to_value"] is Status.TIMEOUT
    assert result.score == 0 and result.outcome is Outcome.TIMEOUT
    timed_out = [c for c in result.checks if c.status is Status.TIMEOUT]
    # each hanging check is stopped after its limit; once they have used the exercise's total, the rest are not run
    assert all("did not finish" in c.message or c.message.startswith("not run") for c in timed_out), [
        c.message for c in timed_out
    ]
    assert any(c.location and c.location.function == "set_future_value" for c in timed_out)
    assert elapsed < len(result.checks) * 4


def test_endless_loop_that_swallows_every_exception_is_stopped(tmp_path):
    result, elapsed = grade_hostile(tmp_path, "spin_ignoring_interrupts")
    first = result.checks[0]
    assert first.status is Status.TIMEOUT and first.location.function == "make_request", first.message
    assert first.location.line in (8, 9)  # the `while` or its body
    statuses = {c.name: c.status for c in result.checks}
    assert statuses["sets_result_after_delay"] is Status.PASSED  # set_future_value is right
    assert elapsed < len(result.checks) * 4


@pytest.mark.parametrize("scratch", ["tmp", "t mp ü"])  # faulthandler escapes what is not ASCII in its dump
def test_endless_loop_that_ignores_the_alarm_is_killed_from_outside(tmp_path, monkeypatch, scratch):
    (tmp_path / scratch).mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / scratch))
    result, elapsed = grade_hostile(tmp_path, "spin_ignoring_alarms")
    first = result.checks[0]
    assert first.status is Status.TIMEOUT and result.score == 0
    assert first.message == "the check did not finish within 1 s"
    where = first.location
    assert (where.file, where.function, where.line in (8, 9)) == ("exercises/ex01_futures.py", "make_request", True)
    assert elapsed < EX01.total_time_limit * 2 + 10  # per-check and total limits, plus start-ups on a busy machine


def test_a_temporary_folder_behind_a_symbolic_link_keeps_the_students_lines(tmp_path, monkeypatch):
    # macOS's TMPDIR is under /var, a link to /private/var: tracebacks name the real path.
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "link"))
    stub = KIT / "exercises" / EX01.filename
    result = grade_exercise(EX01, make_submission(tmp_path / "student", {EX01.filename: stub}))
    for check in result.checks:
        assert check.message.startswith("not implemented yet"), check.message
        assert check.location and check.location.file == "exercises/ex01_futures.py"


def test_sys_exit_inside_a_check_fails_that_check_only(tmp_path):
    result, _ = grade_hostile(tmp_path, "exit_in_check")
    by_name = {c.name: c for c in result.checks}
    assert by_name["returns_pending_future"].status is Status.FAILED
    assert "sys.exit(1)" in by_name["returns_pending_future"].message
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS)


def test_os_exit_inside_a_check_crashes_that_check_and_the_others_are_rerun(tmp_path):
    result, _ = grade_hostile(tmp_path, "os_exit_in_check")
    by_name = {c.name: c for c in result.checks}
    assert by_name["returns_pending_future"].status is Status.CRASHED
    assert "exited with code 0" in by_name["returns_pending_future"].message
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS)
    assert result.outcome is Outcome.CRASHED


def test_modules_planted_in_the_workspace_are_never_imported_by_the_next_run(tmp_path):
    result, _ = grade_hostile(tmp_path, "plants_modules_then_exits")
    by_name = {c.name: c for c in result.checks}
    assert by_name["returns_pending_future"].status is Status.CRASHED
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS), [c.message for c in result.checks]


def test_the_students_code_sees_none_of_the_graders_environment_but_locale_and_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_not_for_students")
    monkeypatch.setenv("PYTHONWARNINGS", "error")
    result, _ = grade_hostile(tmp_path, "prints_its_environment")
    printed = "".join(c.printed for c in result.checks)
    assert "PATH" in printed and "GITHUB_TOKEN" not in printed and "ghp_" not in printed, printed
    assert "PYTHONWARNINGS" not in printed


def test_a_flood_of_the_result_channel_is_stopped_like_a_flood_of_output(tmp_path):
    result, _ = grade_hostile(tmp_path, "floods_the_result_channel")
    by_name = {c.name: c for c in result.checks}
    flooded = by_name["returns_pending_future"]
    assert not flooded.passed and "more than 8 MB" in flooded.message, flooded.message
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS), [c.message for c in result.checks]


def test_a_line_too_deeply_nested_to_parse_on_the_result_channel_is_ignored_like_any_forged_line(tmp_path):
    result, _ = grade_hostile(tmp_path, "deep_json_on_the_result_channel")
    by_name = {c.name: c for c in result.checks}
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS), [c.message for c in result.checks]
    assert result.score == 2 and by_name["returns_pending_future"].message.startswith("not implemented yet")


def test_a_huge_returned_value_is_clipped_in_the_message_not_taken_for_a_flood_of_output(tmp_path):
    result, _ = grade_hostile(tmp_path, "returns_a_huge_list", time_limit=3.0)
    by_name = {c.name: c for c in result.checks}
    assert all(by_name[name].passed for name in SET_FUTURE_VALUE_CHECKS), [c.message for c in result.checks]
    returned = by_name["returns_pending_future"]
    assert returned.status is Status.FAILED and returned.message.startswith("make_request(42, 0.01) returned [0, 1, 2")
    assert len(returned.message) <= 2000 and returned.message.endswith("…")
    assert not any("MB" in c.message for c in result.checks), [c.message for c in result.checks]


@pytest.mark.parametrize("value", [list(range(1_200_000)), tuple(range(5000)), ["ab"] * 1001, list(range(1000))])
def test_a_long_list_in_a_message_reads_as_its_whole_repr_clipped(value):
    # Only its head is repr'd (a million numbers took seconds on a busy machine); the student reads the same.
    message = f"make_request(42, 0.01) returned {value_repr(value)}"
    assert clip(message, MESSAGE_LIMIT) == clip(f"make_request(42, 0.01) returned {value!r}", MESSAGE_LIMIT)
    assert len(value_repr(value)) < 20 * SHOWN_ITEMS


@pytest.mark.parametrize(
    ("case", "status", "said"),
    [
        ("hangs_outside_the_checks", Status.TIMEOUT, "the check could not begin: the process stopped responding"),
        ("floods_outside_the_checks", Status.CRASHED, "the check could not begin: your code printed more than 8 MB"),
        ("exits_outside_the_checks", Status.CRASHED, "the check could not be run: the process exited with code 5"),
    ],
)
def test_code_that_stops_the_process_between_the_import_and_the_checks_is_told_so_without_the_graders_frames(
    tmp_path, case, status, said
):
    result, _ = grade_hostile(tmp_path, case)
    assert result.score == 0 and {c.status for c in result.checks} == {status}, [c.message for c in result.checks]
    assert all(c.message.startswith(said) for c in result.checks), result.checks[0].message
    assert_no_grader_traceback(result)
    assert not any("yyyy" in c.message or "File " in c.message for c in result.checks)
    if status is Status.TIMEOUT:  # faulthandler's dump names the student's line that never let go
        assert result.checks[0].location.file == "exercises/ex01_futures.py", result.checks[0].location


def test_checks_that_cannot_be_loaded_after_the_import_say_why_in_the_students_terms(tmp_path):
    result, _ = grade_hostile(tmp_path, "exhausts_file_descriptors")
    assert all(c.status is Status.CRASHED for c in result.checks), [(c.status, c.message) for c in result.checks]
    first = result.checks[0]
    assert first.message == (
        "the checks could not be loaded after exercises/ex01_futures.py was imported: OSError: [Errno 24] Too many"
        " open files"
    ), first.message
    assert "top level of your file" in first.fix
    assert_no_grader_traceback(result)


def test_permissions_taken_off_the_graders_files_are_put_back_after_the_run(tmp_path):
    from grader.catalog import SUITES_DIR

    readme = SUITES_DIR / "README.md"
    before = readme.stat().st_mode
    try:
        grade_hostile(tmp_path, "chmods_the_graders_files")
        assert readme.stat().st_mode == before
    finally:
        readme.chmod(before & 0o7777)


def test_a_crash_is_the_outcome_even_when_a_later_check_times_out(tmp_path):
    """The exercise's outcome is the worst thing that happened (a gradebook status must not depend on which check
    ran last), and a signal with no name, a realtime one, is reported by its number."""
    result, _ = grade_hostile(tmp_path, "realtime_signal_then_spin")
    by_name = {c.name: c for c in result.checks}
    assert by_name["returns_pending_future"].status is Status.CRASHED
    assert f"killed by signal {signal.SIGRTMIN + 6}" in by_name["returns_pending_future"].message
    assert by_name["sets_result_after_delay"].status is Status.TIMEOUT
    assert result.outcome is Outcome.CRASHED
    assert_no_grader_traceback(result)


def test_keyboard_interrupt_inside_a_check_fails_that_check_and_says_so(tmp_path):
    result, _ = grade_hostile(tmp_path, "keyboard_interrupt_in_check")
    raised = [c for c in result.checks if c.message == "make_request() raised KeyboardInterrupt"]
    assert raised and all(c.location.line == 5 for c in raised), [c.message for c in result.checks]
    assert not any("killed" in c.message or "exited with code" in c.message for c in result.checks), [
        c.message for c in result.checks
    ]


def test_forging_the_verdict_then_interrupting_the_check_is_caught_too(tmp_path):
    result, _ = grade_hostile(tmp_path, "forge_then_interrupt")
    assert result.score == 0 and not any(c.passed for c in result.checks), [c.message for c in result.checks]
    assert any("changed the grader's own code in this check" in c.message for c in result.checks)


def test_workers_left_behind_by_a_dying_suite_do_not_stall_the_rest(tmp_path):
    # Forked pool workers inherit the suite's event channel; the parent must see the suite end all the same, and
    # report the exit rather than wait out each check's time limit.
    ex04 = load_catalog().get("04")
    submission = make_submission(tmp_path, {ex04.filename: HOSTILE / "ex04_exit_leaving_workers.py"})
    result = grade_exercise(ex04, submission)
    statuses = {c.status for c in result.checks}
    assert Status.TIMEOUT not in statuses, [c.message for c in result.checks]
    assert any("the process exited with code 3" in c.message for c in result.checks)


def test_a_conftest_that_forces_passes_is_never_read(tmp_path):
    stub = (KIT / "exercises" / EX01.filename).read_text()
    forcing = HOSTILE / "conftest_forcing_passes.py"
    submission = make_submission(tmp_path, {EX01.filename: stub, "conftest.py": forcing})
    (submission / "conftest.py").write_text(forcing.read_text())
    (submission / "pytest.ini").write_text("[pytest]\naddopts = -p no:grader.plugin\n")
    (submission / "exercises" / "__init__.py").write_text("raise SystemExit('tampered')\n")
    result = grade_exercise(EX01, submission)
    assert result.score == 0 and all(c.status is Status.FAILED for c in result.checks)


def test_lines_imitating_the_protocol_are_not_believed(tmp_path):
    result, _ = grade_hostile(tmp_path, "fake_events")
    assert result.score == 0 and not any(c.passed for c in result.checks)


def test_missing_file_scores_zero_and_the_other_exercises_keep_their_results(tmp_path):
    submission = make_submission(tmp_path, {})
    result = grade([EX01], submission)
    exercise = result.exercises[0]
    assert exercise.outcome is Outcome.MISSING and exercise.score == 0
    assert "exercises/ex01_futures.py is missing" in exercise.message


def test_an_unreadable_file_is_graded_as_such_and_never_crashes_the_grader(tmp_path, monkeypatch):
    # Root reads any file whatever its mode, so the denial is simulated where the grader reads.
    submission = make_submission(tmp_path, {EX01.filename: SOLUTION})
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if Path(path).name == EX01.filename and KIT not in Path(path).parents:  # the kit's own stub stays readable
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    exercise = grade([EX01], submission).exercises[0]
    assert exercise.outcome is Outcome.MISSING and exercise.score == 0
    assert "exercises/ex01_futures.py could not be read" in exercise.message
    # What `grader check`, `status`, `watch` and `batch` read before grading: no exception either.
    assert fingerprints(submission, [EX01]) == {"01": None} and not is_untouched(submission, EX01)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_folder_or_fifo_bearing_the_exercises_name_is_graded_as_such_and_never_crashes_the_grader(tmp_path, kind):
    """A folder named ex01_futures.py took `grader check` down (exit 3) before any grading: reading it to see
    whether it had changed raised IsADirectoryError. Said as what it is, not as a missing file."""
    submission = make_submission(tmp_path, {})
    target = submission / EX01.relpath
    if kind == "folder":
        target.mkdir()
        (target / "__init__.py").write_text(SOLUTION.read_text())
    else:
        os.mkfifo(target)
    run = subprocess.run([sys.executable, "-m", "grader", "check", "01", "--path", str(submission), "--format", "json"],
                         cwd=KIT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 1, run.stderr
    exercise = json.loads(run.stdout)["exercises"][0]
    what = "a folder" if kind == "folder" else "not a regular file"
    assert exercise["score"] == 0 and exercise["message"].startswith(f"exercises/ex01_futures.py is {what};")


def test_a_copy_interrupted_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    submission = make_submission(tmp_path / "student", {EX01.filename: SOLUTION})
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    real_open = os.open

    def interrupted(path, flags, *args, **kwargs):
        if Path(path).name == EX01.filename and KIT not in Path(path).parents:
            raise KeyboardInterrupt
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", interrupted)
    with pytest.raises(KeyboardInterrupt):
        grade_exercise(EX01, submission)
    assert workspaces(scratch) == []


@pytest.mark.parametrize("case", ["syntax_error", "os_exit_at_import", "spin_ignoring_interrupts"])
def test_a_broken_exercise_costs_no_other_exercise_its_result(tmp_path, case):
    if len(load_catalog()) < 2:
        pytest.skip("needs a second exercise")
    other = load_catalog().exercises[1]
    submission = make_submission(
        tmp_path, {EX01.filename: HOSTILE / f"{case}.py", other.filename: KIT / "solutions" / other.filename}
    )
    result = grade([EX01, other], submission, time_limit=1.0)
    assert result.exercises[0].score == 0 or case == "spin_ignoring_interrupts"
    assert result.exercises[1].passed


def test_rewriting_the_grader_at_import_scores_zero(tmp_path):
    result, _ = grade_hostile(tmp_path, "forge_at_import")
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    assert "changed the grader's own code when imported (" in result.message
    assert "grader.testing.expect" in result.message and "pytest.fail" in result.message
    assert not any(c.passed for c in result.checks)


@pytest.mark.parametrize(
    "case",
    [
        "forge_suite_at_import",
        "forge_the_guard",
        "swap_a_grader_module",
        "forge_session_from_the_stack",
        "forge_through_json",
        "blind_the_guard_through_operator",
    ],
)
def test_getting_around_the_tamper_check_at_import_scores_zero(tmp_path, case):
    result, _ = grade_hostile(tmp_path, case)
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0, (result.message, result.score)
    assert "changed the grader's own code when imported" in result.message


def test_rewriting_the_grader_inside_a_check_fails_it_and_is_undone(tmp_path):
    result, _ = grade_hostile(tmp_path, "forge_in_check")
    assert result.score == 0 and not any(c.passed for c in result.checks)
    # Every check, also one that failed through the disarmed CheckFailure: its failure was read after the grader's
    # code was put back, not by the disarmed code (which ended the process: "exited with code 3" for every check).
    forged = [c for c in result.checks if "changed the grader's own code in this check" in c.message]
    assert len(forged) == len(result.checks), [c.message for c in result.checks]
    assert_no_grader_traceback(result)


def test_an_exception_the_grader_cannot_word_still_fails_each_check_on_its_own(tmp_path):
    result, _ = grade_hostile(tmp_path, "unprintable_exception")
    assert result.outcome is Outcome.OK and result.score == 0
    raised = {check.name: check for check in result.checks}
    for check in result.checks:  # the SystemExit raised by str() of make_failing_request's exception too
        assert check.message.startswith(("the check failed with Unprintable", "the check failed with Unspeakable"))
        assert check.message.endswith(UNEXPLAINED) and check.location is not None, check
    first, last = raised["returns_pending_future"].location, raised["failing_request_raises_same_exception"].location
    assert (first.file, first.line, last.line) == ("exercises/ex01_futures.py", 21, 29), (first, last)
    assert_no_grader_traceback(result)


def test_context_managers_of_the_standard_library_made_to_swallow_errors_pass_nothing(tmp_path):
    result, _ = grade_hostile(tmp_path, "swallow_through_the_stdlib")
    assert result.score == 0 and not any(c.passed for c in result.checks), [c.message for c in result.checks]


class _Terminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_control_characters_the_code_prints_or_raises_reach_every_output_as_escapes(tmp_path, monkeypatch):
    """Screen clears, window titles, hyperlinks (OSC 8), bells, NUL, C1 and bidi controls in what the student's
    code prints, raises or returns are shown as escapes a student can read, by every format; none is obeyed."""
    result, _ = grade_hostile(tmp_path, "prints_control_characters")
    by_name = {c.name: c for c in result.checks}
    assert result.score == 0 and all(not c.passed for c in result.checks)
    raised, printed = by_name["returns_pending_future"], by_name["sets_result_after_delay"]
    assert "raised ValueError: raised clear\\x1b[2J\\x1b[H title\\x1b]0;PWNED\\x07" in raised.message
    assert "\\x1b]8;;http://evil.invalid\\x1b\\click" in printed.printed and "\\x00 bell\\x07" in printed.printed
    assert "cr\\rFAKE c1\\x9b31m bidi\\u202etxt.exe\\u202c isolate\\u2066x\\u2069" in printed.printed
    assert "Hostile(clear\\x1b[2J" in by_name["failing_request_raises_same_exception"].message  # a repr
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    submission = SubmissionResult([result], grader_version="test")
    for name in FORMATS:
        stream = io.StringIO()
        renderer(name)(submission, stream)
        text = stream.getvalue()
        if name == "classroom":
            text = base64.b64decode(text).decode("utf-8")
        assert obeyed(text) == [] and "\\x1b[2J" in text, name
        if name == "junit":
            ET.fromstring(text.split("\n", 1)[1])
        elif name != "text":
            json.loads(text)
    terminal = _Terminal()
    renderer("text")(submission, terminal)
    assert obeyed(terminal.getvalue(), colours=True) == [] and "\\x1b]0;PWNED" in terminal.getvalue()
    run = subprocess.run([sys.executable, "-m", "grader", "check", "01", "--path", str(tmp_path)], cwd=KIT,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 1 and obeyed(run.stdout + run.stderr) == [] and "\\x1b[2J" in run.stdout, run.stdout


def test_another_exercise_not_written_yet_is_named_as_what_to_finish_first(tmp_path):
    """ex05 decorated with ex03's async_timed while ex03 is still the stub: the import fails in ex03's stub, which the
    student of ex05 did not touch; the message says which exercise to finish, not to move a demo under __main__."""
    using = (
        (KIT / "solutions" / "ex05_blocking_io.py")
        .read_text()
        .replace(
            "async def fetch_status(",
            "from exercises.ex03_async_timed import async_timed\n\n\n@async_timed()\nasync def fetch_status(",
            1,
        )
    )
    exercise = load_catalog().get("05")
    folder = make_submission(
        tmp_path, {exercise.filename: using, "ex03_async_timed.py": KIT / "exercises" / "ex03_async_timed.py"}
    )
    result = grade_exercise(exercise, folder)
    assert result.outcome is Outcome.IMPORT_ERROR and result.score == 0
    assert result.message.startswith(
        "importing exercises/ex05_blocking_io.py ran async_timed of exercises/ex03_async_timed.py (at exercises/"
    ), result.message
    assert "Finish that exercise first" in result.message and "__main__" not in result.message


def test_closing_its_own_output_is_named_as_the_reason_the_process_ended(tmp_path):
    result, _ = grade_hostile(tmp_path, "closes_its_output")
    assert result.score == 0 and all(not c.passed for c in result.checks)
    assert all("exited with code 120" in c.message and "close sys.stdout" in c.message for c in result.checks), [
        c.message for c in result.checks
    ]
    assert_no_grader_traceback(result)
