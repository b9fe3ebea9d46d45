"""The `grader` command end to end, as students and CI call it: exit codes, formats, paths, errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import KIT, SUBMISSIONS, make_submission

from grader.catalog import load_catalog

EX01 = load_catalog().get("01")


def grader(*args: str, cwd: Path = KIT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "grader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def solved(tmp_path) -> Path:
    return make_submission(tmp_path / "solved", {EX01.filename: KIT / "solutions" / EX01.filename})


def test_untouched_stub_fails_every_check_with_not_implemented_and_exits_1():
    run = grader("check", "01")
    assert run.returncode == 1, run.stderr
    assert run.stdout.count("✗") == len(EX01.checks)  # every check fails...
    assert "not implemented yet" in run.stdout  # ...and the reason is said once, with the functions to write
    assert f"0/{EX01.max_score}" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_solution_passes_and_exits_0(solved):
    run = grader("check", "01", "--path", str(solved))
    assert run.returncode == 0, run.stdout
    assert f"{EX01.max_score}/{EX01.max_score}" in run.stdout


def test_default_path_is_the_repository_around_the_working_directory(solved):
    run = grader("check", "1", cwd=solved / "exercises")
    assert run.returncode == 0, run.stdout


def test_json_output_follows_the_documented_schema(tmp_path):
    folder = make_submission(tmp_path, {EX01.filename: SUBMISSIONS / "wrong" / "ex01_futures" / "lesson_constant.py"})
    run = grader("check", "01", "--path", str(folder), "--format", "json")
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert data["version"] == 1
    assert {"grader_version", "student", "score", "max_score", "passed", "failed", "duration", "exercises"} <= set(data)
    (exercise,) = data["exercises"]
    assert exercise["id"] == "01" and exercise["outcome"] == "ok" and exercise["file"] == "exercises/ex01_futures.py"
    assert 0 < exercise["score"] < exercise["max_score"] == EX01.max_score
    fields = {"name", "title", "status", "score", "max_score", "message", "expected", "fix", "location", "duration"}
    fields.add("printed")
    for check in exercise["checks"]:
        assert set(check) == fields
        assert check["status"] in {"passed", "failed", "skipped", "timeout", "error", "crashed"}
    failed = [c for c in exercise["checks"] if c["status"] == "failed"]
    assert "future_resolves_to_value" in [c["name"] for c in failed]
    assert failed[0]["location"]["file"] == "exercises/ex01_futures.py" and failed[0]["location"]["line"] > 0
    assert data["score"] == exercise["score"] and data["failed"] == len(failed)


def test_a_folder_holding_only_exercises_is_a_submission(tmp_path):
    folder = tmp_path / "only"
    (folder / "exercises").mkdir(parents=True)
    (folder / "exercises" / EX01.filename).write_text((KIT / "solutions" / EX01.filename).read_text())
    run = grader("check", "01", "--path", str(folder), "--format", "json")
    assert json.loads(run.stdout)["exercises"][0]["score"] == EX01.max_score


def test_unknown_exercise_is_a_usage_error():
    run = grader("check", "42")
    assert run.returncode == 2
    assert "there is no exercise '42'" in run.stderr and "Traceback" not in run.stderr


def test_a_folder_without_exercises_is_a_usage_error(tmp_path):
    run = grader("check", "01", "--path", str(tmp_path))
    assert run.returncode == 2 and "no exercises/ folder" in run.stderr
    run = grader("check", "01", cwd=tmp_path)
    assert run.returncode == 2 and "no exercises/ folder" in run.stderr


def test_missing_exercise_file_is_reported_and_scores_zero(tmp_path):
    folder = make_submission(tmp_path, {})
    run = grader("check", "01", "--path", str(folder))
    assert run.returncode == 1 and "exercises/ex01_futures.py is missing" in run.stdout
    # A command, not "the kit", spelled as the grader was started (`python -m grader` where `grader` is not on PATH)
    assert re.search(r"`[^`]*grader reset 01` puts the kit's file back", " ".join(run.stdout.split())), run.stdout


def test_syntax_error_is_one_clear_line(tmp_path):
    folder = make_submission(tmp_path, {EX01.filename: SUBMISSIONS / "hostile" / "syntax_error.py"})
    run = grader("check", "01", "--path", str(folder))
    assert run.returncode == 1
    assert run.stdout.count("syntax error in exercises/ex01_futures.py:4") == 1
    assert "Traceback" not in run.stdout + run.stderr


def test_list_and_hint():
    run = grader("list")
    assert run.returncode == 0 and "01" in run.stdout and EX01.title in run.stdout
    run = grader("hint", "01")
    assert run.returncode == 0 and EX01.hints[0].split("`")[0] in run.stdout
    assert grader("hint", "99").returncode == 2


def test_verify_passes_on_the_kit():
    run = grader("verify")
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_escape_codes_when_not_on_a_terminal():
    run = grader("check", "01")
    assert "\x1b[" not in run.stdout


def test_a_file_of_the_very_name_elsewhere_is_graded_and_a_near_name_is_pointed_at(tmp_path):
    # an instructor's review: a nested file and a typo in the name both scored 0 with "put the exercise file back"
    folder = make_submission(tmp_path / "student", {"ex08_typo.py": KIT / "solutions" / "ex08_running_loop.py"})
    (folder / "exercises" / "ex02").mkdir()
    (folder / "exercises" / "ex02" / "ex02_awaitables.py").write_bytes(
        (KIT / "solutions/ex02_awaitables.py").read_bytes()
    )
    run = grader("check", "02", "08", "--path", str(folder), "--format", "json")
    ex02, ex08 = json.loads(run.stdout)["exercises"]
    assert (
        ex02["score"] == ex02["max_score"]
        and ex02["outcome"] == "ok"
        and ex02["found"] == ["exercises/ex02/ex02_awaitables.py"]
    )
    assert ex02["note"].startswith(
        "graded exercises/ex02/ex02_awaitables.py, found outside exercises/ex02_awaitables.py"
    )
    assert ex08["score"] == 0 and ex08["outcome"] == "missing" and ex08["found"] == ["exercises/ex08_typo.py"]
    assert ex08["message"].startswith(
        "exercises/ex08_running_loop.py is missing; found exercises/ex08_typo.py: rename it to"
        " exercises/ex08_running_loop.py (`git mv exercises/ex08_typo.py exercises/ex08_running_loop.py`)"
    )
    text = grader("check", "02", "--path", str(folder)).stdout
    assert "! graded exercises/ex02/ex02_awaitables.py" in text and "Total 7/7" in text


def test_loose_files_without_an_exercises_folder_are_graded_as_on_gradescope(tmp_path):
    (tmp_path / "ex02_awaitables.py").write_bytes((KIT / "solutions/ex02_awaitables.py").read_bytes())
    run = grader("check", "02", "--path", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "mkdir -p exercises && git mv ex02_awaitables.py exercises/ex02_awaitables.py" in " ".join(
        run.stdout.split()
    )


def test_a_path_that_does_not_exist_is_said_so(tmp_path):
    run = grader("check", "01", "--path", str(tmp_path / "nowhere"))
    assert run.returncode == 2 and "does not exist" in run.stderr and "Traceback" not in run.stderr
