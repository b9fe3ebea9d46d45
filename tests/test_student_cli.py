"""The student's commands run end to end as a student runs them: a copy of the kit, the real `grader` CLI."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import KIT

from grader.catalog import load_catalog

FIRST = load_catalog().exercises[0]
ESCAPE = "\x1b"


@pytest.fixture
def student(tmp_path) -> Path:
    """A student's fresh copy of the kit: exercises/ holds the untouched stubs."""
    shutil.copytree(KIT / "exercises", tmp_path / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def grader(*args: str, cwd: Path, env: dict[str, str] | None = None, code: str | None = None):
    """Run `grader ARGS` in `cwd` (or `code`, Python that ends by calling the CLI); stdout is a pipe."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    environment.update(env or {})
    argv = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "grader", *args]
    return subprocess.run(argv, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def solve(student: Path, exercise=FIRST) -> None:
    shutil.copy(KIT / "solutions" / exercise.filename, student / exercise.relpath)


def state(student: Path) -> dict:
    return json.loads((student / ".grader-state.json").read_text())


# ---- output -----------------------------------------------------------------------------------------------------


def test_no_color_check_piped_has_no_escape_codes(student):
    done = grader("check", FIRST.id, cwd=student, env={"NO_COLOR": "1"})
    assert done.returncode == 1
    assert "not implemented yet" in done.stdout.lower()
    assert ESCAPE not in done.stdout and ESCAPE not in done.stderr


@pytest.mark.parametrize("verb", [(), ("status",), ("list",), ("hint", "01"), ("check", "01")])
def test_piped_output_is_plain_even_without_no_color(student, verb):
    done = grader(*verb, cwd=student)
    assert done.stdout and ESCAPE not in done.stdout, done.stderr


def test_stub_says_not_implemented_once_per_function_not_per_check(student):
    out = grader("check", FIRST.id, cwd=student).stdout
    assert out.count("still raising NotImplementedError") == 1
    fixes = [line for line in out.splitlines() if "lesson," in line]
    assert len(fixes) <= 3 * 2, out  # one pointer per function (folded on at most two lines), not one per check


def test_long_failure_message_is_folded_not_a_wall(student):
    (student / FIRST.relpath).write_text(
        "import asyncio\n\n"
        "def make_request(value, delay=1.0):\n"
        "    raise ValueError('x' * 5000)\n\n"
        "async def set_future_value(future, value, delay):\n    raise ValueError('y' * 5000)\n\n"
        "def make_failing_request(exc, delay=1.0):\n    raise ValueError('z' * 5000)\n"
    )
    out = grader("check", FIRST.id, cwd=student, env={"COLUMNS": "80"}).stdout
    assert "make_request() raised ValueError" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert len(out) < 9 * 600, "long messages must be cut"
    assert f"{FIRST.relpath}:4" in out, "the failure points at the student's line"


# ---- overview and list ----------------------------------------------------------------------------------------------


def test_status_of_a_fresh_copy_needs_no_grading(student):
    done = grader(cwd=student)
    assert done.returncode == 0
    assert "grading" not in done.stdout
    assert f"0 of {len(load_catalog())} exercises pass" in done.stdout
    assert "not started" in done.stdout and "<- next" in done.stdout
    assert f"Next: exercise {FIRST.id}" in done.stdout


def test_status_grades_edited_exercises_once_and_remembers(student):
    solve(student)
    first = grader("status", cwd=student)
    assert f"grading {FIRST.id}" in first.stdout
    assert f"1 of {len(load_catalog())} exercises pass" in first.stdout
    assert state(student)["exercises"][FIRST.id]["verdict"]["stage"] == "passed"
    again = grader("status", cwd=student)
    assert "grading" not in again.stdout and f"1 of {len(load_catalog())} exercises pass" in again.stdout


def test_check_remembers_its_verdict_for_status(student):
    (student / FIRST.relpath).write_text((student / FIRST.relpath).read_text() + "\n# started\n")
    grader("check", FIRST.id, cwd=student)
    assert state(student)["exercises"][FIRST.id]["verdict"]["stage"] == "not started"
    assert "grading" not in grader("status", cwd=student).stdout


def test_a_pass_says_which_exercise_is_next(student):
    solve(student)
    done = grader("check", FIRST.id, cwd=student)
    second = load_catalog().exercises[1]
    assert done.returncode == 0
    assert f"next: {second.id} {second.title}, in {second.relpath}" in done.stdout
    assert f"check {second.id}, or " in " ".join(done.stdout.split())  # folded where the command is a long path
    failing = grader("check", second.id, cwd=student)
    assert "next:" not in failing.stdout  # a failure says what to fix, not where to go


def test_check_with_path_leaves_no_state_behind(student, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    grader("check", FIRST.id, "--path", str(student), cwd=elsewhere)
    assert not (student / ".grader-state.json").exists()


def test_list_gives_every_exercise_with_its_topic(student):
    out = grader("list", cwd=student).stdout
    for exercise in load_catalog():
        assert exercise.id in out and exercise.relpath in out
        assert exercise.topic.split()[0] in out


# ---- hints ----------------------------------------------------------------------------------------------------------


def test_hints_unfold_one_at_a_time_and_survive_a_restart(student):
    total = len(FIRST.hints)
    for count in range(1, total + 1):
        out = grader("hint", FIRST.id, cwd=student).stdout  # each run is a new process
        assert FIRST.hints[count - 1][:40] in out
        if count < total:
            assert FIRST.hints[count][:40] not in out
            assert f"hint {count} of {total}" in out
    out = grader("hint", FIRST.id, cwd=student).stdout
    assert "last hint" in out and state(student)["exercises"][FIRST.id]["hints_shown"] == total


def test_hint_all_shows_every_hint(student):
    out = grader("hint", FIRST.id, "--all", cwd=student).stdout
    assert all(hint[:40] in out for hint in FIRST.hints)


def test_the_commands_for_more_hints_are_never_cut_across_lines(student):
    activated = {"COLUMNS": "80", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    out = grader("hint", FIRST.id, cwd=student, env=activated).stdout
    lines = out.splitlines()
    assert any(line.strip().startswith(f"grader hint {FIRST.id} --all") for line in lines), out
    assert any(line.strip().startswith(f"grader hint {FIRST.id}  ") for line in lines), out
    assert max(len(line) for line in lines) <= 80


def test_hint_without_a_number_is_for_the_exercise_you_are_on(student):
    assert f"Exercise {FIRST.id}" in grader("hint", cwd=student).stdout


# ---- reset ----------------------------------------------------------------------------------------------------------


def test_reset_restores_the_stub_and_keeps_a_backup(student):
    path = student / FIRST.relpath
    stub = path.read_text()
    path.write_text("my work in progress\n")
    done = grader("reset", FIRST.id, cwd=student)
    assert done.returncode == 0, done.stderr
    assert path.read_text() == stub
    backups = list((student / ".grader-backups").iterdir())
    assert [b.read_text() for b in backups] == ["my work in progress\n"]
    assert str(backups[0].relative_to(student)) in done.stdout

    path.write_text("second attempt\n")
    grader("reset", FIRST.id, cwd=student)
    assert sorted(b.read_text() for b in (student / ".grader-backups").iterdir()) == [
        "my work in progress\n", "second attempt\n",
    ]  # fmt: skip
    assert "nothing to reset" in grader("reset", FIRST.id, cwd=student).stdout


def test_reset_works_without_git_and_after_the_work_was_committed(student):
    subprocess.run(["git", "init", "-q"], cwd=student, check=True)
    (student / FIRST.relpath).write_text("committed work\n")
    subprocess.run(["git", "add", "-A"], cwd=student, check=True)
    subprocess.run(
        ["git", "-c", "user.name=s", "-c", "user.email=s@x", "commit", "-qm", "work"], cwd=student, check=True
    )
    grader("reset", FIRST.id, cwd=student)
    assert (student / FIRST.relpath).read_text() == (KIT / FIRST.relpath).read_text()


def test_reset_puts_back_a_deleted_file(student):
    (student / FIRST.relpath).unlink()
    assert "the stub is back" in grader("reset", FIRST.id, cwd=student).stdout
    assert (student / FIRST.relpath).read_text() == (KIT / FIRST.relpath).read_text()


def test_a_backup_that_cannot_be_written_resets_nothing_and_says_why(student):
    (student / FIRST.relpath).write_text("my work\n")
    (student / ".grader-backups").write_text("a file where the backups' folder goes\n")
    done = grader("reset", FIRST.id, cwd=student)
    assert done.returncode == 3 and "Traceback" not in done.stderr and "bug in the kit" not in done.stderr
    assert "could not write" in done.stderr and ".grader-backups" in done.stderr and "nothing was reset" in done.stderr
    assert (student / FIRST.relpath).read_text() == "my work\n"


def test_a_stub_that_cannot_be_put_back_names_the_students_file_not_a_temporary_one(student):
    (student / FIRST.relpath).unlink()
    (student / FIRST.relpath).mkdir()  # a folder where the file goes: the stub cannot replace it
    done = grader("reset", FIRST.id, cwd=student)
    assert done.returncode == 3 and "Traceback" not in done.stderr and "bug in the kit" not in done.stderr
    assert f"could not write {student / FIRST.relpath}: " in done.stderr and ".tmp" not in done.stderr
    assert (student / FIRST.relpath).is_dir() and not list((student / "exercises").glob(".*.tmp"))


# ---- errors that say what to do ----------------------------------------------------------------------------------


def test_an_exercise_can_be_named_by_its_file(student):
    # what a shell's tab completion gives, from the root or from inside exercises/
    assert "Exercise 01" in grader("check", FIRST.relpath, cwd=student).stdout
    assert f"Exercise {FIRST.id}" in grader("hint", FIRST.filename, cwd=student / "exercises").stdout


def test_unknown_exercise_says_which_exist(student):
    done = grader("check", "42", cwd=student)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "no exercise '42'" in done.stderr and "grader list" in done.stderr


def test_outside_a_copy_of_the_kit_says_where_to_run(tmp_path):
    done = grader("status", cwd=tmp_path)
    assert done.returncode == 2 and "no exercises/ folder" in done.stderr and "Traceback" not in done.stderr


def test_too_old_python_says_how_to_make_the_environment(student):
    code = "import sys; sys.version_info = (3, 9, 18, 'final', 0); from grader.cli import main; main()"
    done = grader("status", cwd=student, code=code)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "needs Python 3.10" in done.stderr and "3.9.18" in done.stderr and "venv" in done.stderr


def test_windows_is_told_to_use_wsl(student):
    code = "import sys; sys.platform = 'win32'; from grader.cli import main; main()"
    done = grader("status", cwd=student, code=code)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "not on Windows itself" in done.stderr and "wsl --install" in done.stderr


OLD_PYTHONS = sorted(glob.glob("/root/.pyenv/versions/[23].[0-9].*/bin/python"))


@pytest.mark.skipif(not OLD_PYTHONS, reason="no Python older than 3.10 on this machine")
@pytest.mark.parametrize("python", OLD_PYTHONS or ["none"], ids=lambda p: p.split("/")[-3])
def test_a_real_old_python_gets_the_message_too(python):
    done = subprocess.run([python, "-m", "grader", "status"], cwd=KIT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "needs Python 3.10" in done.stderr and "python3.12 -m venv --clear .venv" in done.stderr


@pytest.mark.parametrize(("module", "package"), [("rich", "rich"), ("pytest_asyncio", "pytest-asyncio")])
def test_missing_dependency_says_how_to_install_it(student, module, package):
    code = f"import sys; sys.modules[{module!r}] = None; from grader.cli import main; main()"
    done = grader("check", FIRST.id, cwd=student, code=code)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert package in done.stderr and ".venv/bin/grader" in done.stderr
    assert "python3 -m venv .venv && .venv/bin/python -m pip install ." in done.stderr


@pytest.mark.parametrize("output", ["text", "json", "junit", "gradescope"])
def test_an_output_that_is_not_utf8_gets_escapes_not_a_crash(student, output):
    stub = student / FIRST.relpath
    stub.write_text(stub.read_text().replace("raise NotImplementedError(", "raise ValueError('grüße' or "))
    done = grader("check", FIRST.id, "--format", output, cwd=student, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "gr\\xfc\\xdfe" in done.stdout or "gr\\u00fc\\u00dfe" in done.stdout
    if output in ("json", "gradescope"):
        json.loads(done.stdout)  # escaped the JSON way, so still JSON


def test_a_state_file_that_cannot_be_read_counts_as_a_fresh_start(student):
    (student / ".grader-state.json").symlink_to(".grader-state.json")  # a loop: every open fails
    done = grader("hint", FIRST.id, cwd=student)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_help_lists_the_students_commands_first_and_the_instructors_apart(tmp_path):
    done = grader("--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    theirs, _, instructors = done.stdout.partition("For instructors:")
    listed = theirs.partition("Commands:")[2]
    assert all(f"\n  {verb} " in listed for verb in ("check", "hint", "list", "reset", "status", "watch")), listed
    assert all(f"\n  {verb} " in instructors for verb in ("batch", "merge", "export-template", "verify")), instructors
    assert "batch" not in listed and "gradescope-run" not in done.stdout  # hidden: Gradescope's own entry point


def test_list_and_the_template_name_the_lesson_the_fixes_refer_to(student):
    from grader.template import student_readme

    lesson = load_catalog().lesson
    assert lesson == "Python Asyncio 02: Asyncio Basics Part 2"
    assert f"'{lesson}'" in grader("list", cwd=student).stdout
    assert f"following the lesson '{lesson}'" in student_readme(load_catalog(), "asyncio-kit").replace("\n", " ")


def test_status_says_a_file_does_not_compile_not_only_that_it_fails(student):
    (student / FIRST.relpath).write_text((student / FIRST.relpath).read_text() + "\ndef oops(:\n")
    shown = grader("status", cwd=student).stdout
    assert f"{FIRST.id}  {FIRST.title}" in shown and "failing: syntax error" in shown
    assert "failing: syntax error" in grader("status", cwd=student).stdout  # remembered, not graded again
