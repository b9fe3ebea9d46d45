"""A command the grader suggests (`grader hint 01`) is one the student can paste back as it is."""

import os
import sys
from pathlib import Path

import pytest

from grader.invocation import grader_command

suggested = grader_command.__wrapped__  # uncached: each test sets its own argv, PATH and folder


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / ".venv" / "bin" / "grader"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")
    return script


def test_a_grader_found_on_the_path_is_just_grader(program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(program.parent))
    monkeypatch.setattr(sys, "argv", [str(program), "check"])
    assert suggested() == "grader"


def test_a_grader_outside_the_path_is_named_as_typed(program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [".venv/bin/grader", "check"])
    assert suggested() == ".venv/bin/grader"


def test_a_full_path_inside_the_folder_is_shortened(program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(program), "check"])
    assert suggested() == os.path.join(".venv", "bin", "grader")


def test_another_grader_on_the_path_is_not_this_one(program: Path, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "elsewhere" / "grader"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\n")
    other.chmod(0o755)
    monkeypatch.setenv("PATH", str(other.parent))
    monkeypatch.setattr(sys, "argv", [".venv/bin/grader", "check"])
    assert suggested() == ".venv/bin/grader"


def test_python_dash_m_names_the_python_that_runs_it(program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/kit/grader/__main__.py", "check"])
    assert suggested() == f"{sys.executable} -m grader"
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    assert suggested() in ("grader", "python -m grader")  # the environment's own grader, or its python


def test_another_programs_main_module_is_not_python_dash_m_grader(program, monkeypatch) -> None:
    # `python -m pytest` starts from pytest's __main__.py: the renderers' suggestions read as in the docs, `grader`.
    monkeypatch.setattr(sys, "argv", ["/venv/lib/site-packages/pytest/__main__.py", "-q"])
    assert suggested() == "grader"
