"""`grader export-template`: what students receive has no solution, grades from a fresh clone, and speaks to them.

The README's two commands create a virtual environment and install the grader from PyPI's packages, which needs
the network: `GRADER_SLOW_TESTS=1` runs them literally in a fresh clone. Without it, the clone is graded by this
environment's grader, which is the one exported.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from support import KIT

from grader.catalog import load_catalog
from grader.classroom_workflow import WORKFLOW_PATH, workflow
from grader.environment import SUPPORTED
from grader.errors import UsageError
from grader.identity import grader_fingerprint
from grader.template import MANIFEST, drift_warning, export_template

SLOW = pytest.mark.skipif(os.environ.get("GRADER_SLOW_TESTS") != "1", reason="needs PyPI: set GRADER_SLOW_TESTS=1")


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


def readme_commands(root: Path) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"two commands\)\n.*?```\n(?P<commands>.*?)```", text, re.S)
    assert block, "the README shows its two commands in a code block under 'Check your work (two commands)'"
    return block["commands"].strip().splitlines()


def clone(template: Path, where: Path) -> Path:
    git = ["git", "-c", "user.name=Instructor", "-c", "user.email=i@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", str(template)], check=True)
    subprocess.run([*git, "-C", str(template), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(template), "commit", "-qm", "template"], check=True)
    subprocess.run(["git", "clone", "-q", str(template), str(where)], check=True)
    return where


def test_the_template_has_no_solution_and_the_untouched_stubs(tmp_path):
    out = tmp_path / "template"
    export_template(out)
    exported = files(out)
    assert not any(name.startswith(("solutions/", "tests/")) for name in exported)
    solutions = {p.read_bytes() for p in (KIT / "solutions").glob("*.py") if p.name not in ("__init__.py", "util.py")}
    assert not any((out / name).read_bytes() in solutions for name in exported)
    for exercise in load_catalog():
        assert (out / exercise.relpath).read_bytes() == (KIT / exercise.relpath).read_bytes()
    assert {"README.md", "pyproject.toml", WORKFLOW_PATH, MANIFEST, "grader/exercises.toml"} <= exported
    assert not any("__pycache__" in name for name in exported)
    assert (out / WORKFLOW_PATH).read_text() == workflow(load_catalog())
    assert json.loads((out / MANIFEST).read_text())["grader_fingerprint"] == grader_fingerprint()


def test_an_instructors_own_work_in_the_kit_is_never_exported(tmp_path):
    # An instructor who tried exercise 01 in their copy of the kit: exporting it would hand out their solution.
    kit = tmp_path / "kit"
    shutil.copytree(KIT / "exercises", kit / "exercises")
    shutil.copy(KIT / "pyproject.toml", kit / "pyproject.toml")
    shutil.copy(KIT / "solutions" / "ex01_futures.py", kit / "exercises" / "ex01_futures.py")
    expected = (r"exercises/ex01_futures.py in .*kit is not the stub students start from .* If it is your own work, "
                r"`grader reset 01`, run in .*kit, puts the stub back")  # fmt: skip
    with pytest.raises(UsageError, match=expected):
        export_template(tmp_path / "template", kit=kit)
    assert not (tmp_path / "template").exists()
    (kit / "exercises" / "ex01_futures.py").write_bytes((KIT / "exercises" / "ex01_futures.py").read_bytes())
    (kit / "exercises" / "ex03_async_timed.py").unlink()
    with pytest.raises(UsageError, match=r"^exercises/ex03_async_timed.py in .* is not the stub"):
        export_template(tmp_path / "template", kit=kit)


def test_an_out_that_cannot_be_written_is_one_sentence(tmp_path):
    (tmp_path / "notes").write_text("a file where a folder would go")
    done = subprocess.run([sys.executable, "-m", "grader", "export-template", str(tmp_path / "notes" / "template")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 3 and done.stderr.startswith("error: could not write ") and "Traceback" not in done.stderr


def test_a_file_that_failed_on_the_way_is_named_as_the_cause_not_as_the_target(tmp_path):
    from grader.cli.common import write_failure

    out = tmp_path / "template"
    denied = "Permission denied"
    assert (
        write_failure(PermissionError(13, denied, str(out / "README.md")), out)
        == f"could not write {out}/README.md: {denied}"
    )
    assert (
        write_failure(OSError(28, "No space left on device"), out) == f"could not write {out}: No space left on device"
    )
    own = str(KIT / "grader" / "cli" / "common.py")  # read to build `out`, never written
    assert write_failure(PermissionError(13, denied, own), out) == f"could not write {out}: {own}: {denied}"


def test_the_readme_speaks_to_students(tmp_path):
    export_template(tmp_path / "t")
    readme = (tmp_path / "t" / "README.md").read_text()
    assert readme_commands(tmp_path / "t") == [
        "python3 -m venv .venv && .venv/bin/python -m pip install .",
        ".venv/bin/grader check 01",
    ]
    for phrase in ("Welcome", "your file", "grader hint", "push", "not implemented", "points"):
        assert phrase.lower() in readme.lower(), phrase
    for exercise in load_catalog():
        assert exercise.relpath in readme and exercise.title in readme
    assert "solution" not in readme.lower() and "instructor's own copy" in readme
    total = sum(e.max_score for e in load_catalog())
    assert f"**total** |          | **{total}** |" in readme
    # Without an activated environment a bare `grader` is not found: every command names .venv/bin/grader.
    assert re.findall(r"`grader (?!\.\.\.)", readme) == []
    # the two ways the first command fails on a student's machine: another python3, no venv module (Debian)
    assert f"If `python3 --version` is not {SUPPORTED}" in readme and "sudo apt install python3-venv" in readme


def test_the_students_pyproject_installs_the_grader_and_nothing_of_the_kits_own_tests(tmp_path):
    export_template(tmp_path / "t")
    pyproject = tomllib.loads((tmp_path / "t" / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"] == {"grader": "grader.cli:main"}
    assert "optional-dependencies" not in pyproject["project"]
    assert set(pyproject.get("tool", {})) == {"hatch"}  # no pytest or ruff settings for folders that are not there


def test_a_fresh_clone_grades_with_the_exported_grader(tmp_path):
    export_template(tmp_path / "template")
    student = clone(tmp_path / "template", tmp_path / "student")
    done = subprocess.run([sys.executable, "-m", "grader", "check", "01"], cwd=student, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "not implemented yet" in done.stdout and "0/10" in done.stdout
    assert "warning" not in done.stderr


def test_a_different_grader_is_warned_about_but_still_grades(tmp_path):
    export_template(tmp_path / "t")
    manifest = json.loads((tmp_path / "t" / MANIFEST).read_text())
    assert drift_warning(tmp_path / "t") is None
    manifest["grader_fingerprint"] = "0" * 16
    (tmp_path / "t" / MANIFEST).write_text(json.dumps(manifest))
    warning = drift_warning(tmp_path / "t")
    assert warning and "differs from the one your instructor exported" in warning
    assert "`git checkout -- grader/`" in warning and "python -m pip install ." in warning
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    done = subprocess.run([sys.executable, "-m", "grader", "check", "01"], cwd=tmp_path / "t", capture_output=True,
                          text=True, timeout=120, env=env)  # fmt: skip
    assert done.returncode == 1 and done.stderr.startswith("warning: this grader")
    assert "\n::warning title=Not the exported grader::this grader" in done.stderr  # shown on the run's summary
    warned = done.stderr.split("\n::warning")[0].splitlines()
    assert len(warned) > 2 and max(map(len, warned)) <= 100  # folded, not one line of 400 characters
    assert "0/10" in done.stdout


def test_what_a_students_manifest_says_reaches_the_warning_as_escapes(tmp_path):
    # an instructor runs `grader check --path` on a student's repository: its .grader-export.json is the student's
    export_template(tmp_path / "t")
    manifest = json.loads((tmp_path / "t" / MANIFEST).read_text())
    manifest.update(grader_version="1\x1b]0;PWNED\x07\n::error::fake", grader_fingerprint="0" * 16)
    (tmp_path / "t" / MANIFEST).write_text(json.dumps(manifest))
    warning = drift_warning(tmp_path / "t")
    assert warning and "(version 1\\x1b]0;PWNED\\x07\\n::error::fake, fingerprint" in warning


def test_the_fingerprint_follows_the_suites(tmp_path):
    package = tmp_path / "grader"
    shutil.copytree(KIT / "grader", package, ignore=shutil.ignore_patterns("__pycache__"))
    assert grader_fingerprint(package) == grader_fingerprint()
    (package / "suites" / "test_ex01_futures.py").write_text("# every check passes now\n")
    assert grader_fingerprint(package) != grader_fingerprint()


def test_without_the_grader_the_template_installs_it_from_the_named_place(tmp_path):
    location = "git+https://github.com/teacher/asyncio-kit@v1"
    export_template(tmp_path / "t", grader_from=location)
    exported = files(tmp_path / "t")
    assert not any(name.startswith(("grader/", "solutions/", "tests/")) for name in exported)
    assert "pyproject.toml" not in exported
    steps = yaml.safe_load((tmp_path / "t" / WORKFLOW_PATH).read_text())["jobs"]["run-autograding-tests"]["steps"]
    assert f"python -m pip install {location}" in [s.get("run") for s in steps]
    assert readme_commands(tmp_path / "t")[0] == f"python3 -m venv .venv && .venv/bin/python -m pip install {location}"


def test_export_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        export_template(tmp_path / "t")


@SLOW
def test_the_readmes_two_commands_work_in_a_fresh_clone(tmp_path):
    export_template(tmp_path / "template")
    student = clone(tmp_path / "template", tmp_path / "student")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    install, check = readme_commands(student)
    done = subprocess.run(install, shell=True, cwd=student, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run(check, shell=True, cwd=student, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "not implemented yet" in done.stdout and "warning" not in done.stderr
