"""`grader gradescope`: the zip, unpacked into a fake /autograder tree and run as Gradescope runs it.

results.json is checked against the fields of Gradescope's published autograder specification: a top-level
`score` or per-test scores, `tests` with name, score, max_score, status, output, visibility, and the enumerated
values of status, visibility and output formats.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from platform_submissions import MAX_POINTS, POINTS, SOURCES
from support import KIT

from grader import gradescope
from grader.catalog import load_catalog
from grader.errors import UsageError
from grader.gradescope import gather_submission, parse_hidden
from grader.render.gradescope_format import Visibility

VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}
TOP_LEVEL = {"score": (int, float), "execution_time": (int, float), "output": str, "output_format": str,
             "test_output_format": str, "test_name_format": str, "visibility": str, "stdout_visibility": str,
             "extra_data": dict, "tests": list, "leaderboard": list}  # fmt: skip
TEST = {"score": (int, float), "max_score": (int, float), "status": str, "name": str, "name_format": str,
        "number": str, "output": str, "output_format": str, "tags": list, "visibility": str,
        "extra_data": dict}  # fmt: skip


def spec_problems(results: dict) -> list[str]:
    """Everything in `results` that Gradescope's specification does not allow."""
    problems = [f"unknown field {key}" for key in results if key not in TOP_LEVEL]
    problems += [f"{key} is not {kind}" for key, kind in TOP_LEVEL.items()
                 if key in results and not isinstance(results[key], kind)]  # fmt: skip
    tests = results.get("tests", [])
    if "score" not in results and not all("score" in t for t in tests):
        problems.append("no top-level score and not every test has one")
    for key in ("visibility", "stdout_visibility"):
        if key in results and results[key] not in VISIBILITY:
            problems.append(f"{key} {results[key]!r}")
    for key in ("output_format", "test_output_format", "test_name_format"):
        if key in results and results[key] not in FORMATS:
            problems.append(f"{key} {results[key]!r}")
    for number, test in enumerate(tests):
        problems += [f"test {number}: unknown field {key}" for key in test if key not in TEST]
        problems += [f"test {number}: {key} is not {kind}" for key, kind in TEST.items()
                     if key in test and not isinstance(test[key], kind)]  # fmt: skip
        if test.get("status", "passed") not in ("passed", "failed"):
            problems.append(f"test {number}: status {test['status']!r}")
        if test.get("visibility", "visible") not in VISIBILITY:
            problems.append(f"test {number}: visibility {test['visibility']!r}")
        if test.get("output_format", "text") not in FORMATS:
            problems.append(f"test {number}: output_format {test['output_format']!r}")
    return problems


def build(tmp_path: Path, *options: str) -> Path:
    out = tmp_path / "autograder.zip"
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", "--out", str(out), *options],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def fake_autograder(tmp_path: Path, zip_file: Path, files: dict[str, str]) -> Path:
    """A fake /autograder: the zip unpacked in source/, the student's `files` in submission/."""
    root = tmp_path / "autograder"
    with zipfile.ZipFile(zip_file) as archive:
        archive.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)
    for name, text in files.items():
        (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / name).write_text(text, encoding="utf-8")
    (root / "submission").mkdir(exist_ok=True)
    return root


def run_autograder(root: Path) -> dict:
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "GRADER_PYTHON": sys.executable}
    done = subprocess.run([str(root / "run_autograder")], env=env, cwd=root, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zip_file(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("zip"), "01")  # the submissions below are of exercise 01


def test_the_zip_has_gradescopes_layout(zip_file, tmp_path):
    with zipfile.ZipFile(zip_file) as archive:
        names = set(archive.namelist())
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert {"setup.sh", "run_autograder", "gradescope.json", "kit/pyproject.toml", "kit/exercises/util.py",
            "kit/grader/exercises.toml", "kit/grader/suites/test_ex01_futures.py"} <= names  # fmt: skip
    assert not any(name.startswith(("solutions/", "kit/solutions/", "tests/")) for name in names)
    assert not any("__pycache__" in name for name in names)
    for script in ("setup.sh", "run_autograder"):
        assert modes[script] & stat.S_IXUSR
        with zipfile.ZipFile(zip_file) as archive:
            (tmp_path / script).write_bytes(archive.read(script))
        assert subprocess.run(["bash", "-n", str(tmp_path / script)]).returncode == 0
    assert zip_file.read_bytes() == build(tmp_path, "01").read_bytes(), "the same kit gives the same zip"


OLD_PYTHON = Path("/root/.pyenv/versions/3.9.18/bin/python3")


@pytest.mark.skipif(not OLD_PYTHON.exists(), reason="no Python 3.9 on this machine")
def test_setup_on_an_image_with_an_old_python_says_which_image_to_choose(zip_file, tmp_path):
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "python3").symlink_to(OLD_PYTHON)
    (shims / "apt-get").write_text("#!/bin/sh\nexit 0\n")  # as root, setup.sh would install packages first
    (shims / "apt-get").chmod(0o755)
    with zipfile.ZipFile(zip_file) as archive:
        (tmp_path / "setup.sh").write_bytes(archive.read("setup.sh"))
    env = {**os.environ, "PATH": f"{shims}:/usr/bin:/bin", "AUTOGRADER_ROOT": str(tmp_path / "autograder")}
    done = subprocess.run(["bash", str(tmp_path / "setup.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "needs Python 3.10 to 3.13" in done.stderr and "Ubuntu 22.04" in done.stderr
    assert not (tmp_path / "autograder" / "venv").exists()


# A loose upload, a whole repository, and the two ways student code stops the grader.
LAYOUTS = {
    "passing": "ex01_futures.py",
    "partial": "exercises/ex01_futures.py",
    "crashing": "ex01_futures.py",
    "hanging": "my-repo/exercises/ex01_futures.py",
}


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_results_json_follows_the_spec(zip_file, tmp_path, kind):
    results = run_autograder(fake_autograder(tmp_path, zip_file, {LAYOUTS[kind]: SOURCES[kind]}))
    assert spec_problems(results) == []
    tests = results["tests"]
    assert results["score"] == POINTS[kind] == sum(t["score"] for t in tests)
    assert sum(t["max_score"] for t in tests) == MAX_POINTS
    checks = load_catalog().get("01").checks
    assert len(tests) == len(checks)
    for test, check in zip(tests, checks, strict=True):
        assert test["status"] == ("passed" if test["score"] == test["max_score"] else "failed")
        assert test["max_score"] == check.points and test["visibility"] == "visible"
        assert test["name"].startswith("01 · ") and test["number"].startswith("1.")
    failed = [t for t in tests if t["status"] == "failed"]
    if kind == "crashing":
        assert [t["output"].split("\n")[0] for t in failed] == ["the process exited with code 3 (does your code call "
                                                                "os._exit()?) during this check"] * 2  # fmt: skip
    if kind == "hanging":
        assert len(failed) == 2
        assert all(t["output"].startswith("the check did not finish within 3 s") for t in failed)
        assert all("at: exercises/ex01_futures.py:" in t["output"] for t in failed)
    if kind == "partial":
        assert all(t["output"].startswith("not implemented yet: make_failing_request()") for t in failed)
    assert "Traceback" not in json.dumps(results)


def test_a_submission_without_the_file_scores_zero_and_says_so(zip_file, tmp_path):
    results = run_autograder(fake_autograder(tmp_path, zip_file, {"notes.txt": "I forgot"}))
    assert spec_problems(results) == [] and results["score"] == 0
    assert results["tests"][0]["output"].startswith(
        "your submission has no ex01_futures.py: upload it, on its own or as exercises/ex01_futures.py"
    )
    assert results["extra_data"]["outcomes"] == {"01": "missing"}


def test_a_file_too_large_to_grade_is_said_to_be_too_large_not_missing(zip_file, tmp_path):
    huge = "# " + "x" * 1_100_000 + "\n"
    results = run_autograder(fake_autograder(tmp_path, zip_file, {"ex01_futures.py": huge}))
    assert results["score"] == 0 and "larger than" in results["tests"][0]["output"], results["tests"][0]["output"]
    assert "your submission has no" not in results["tests"][0]["output"]


def test_hidden_checks_get_their_visibility_and_only_the_output_allowed(tmp_path):
    zip_file = build(tmp_path, "--hide", "1:failing_request_raises_same_exception", "--hidden-output", "none",
                     "--hidden-visibility", "after_published")  # fmt: skip
    results = run_autograder(fake_autograder(tmp_path, zip_file, {"ex01_futures.py": SOURCES["partial"]}))
    assert spec_problems(results) == []
    hidden = [t for t in results["tests"] if t["visibility"] != "visible"]
    assert [(t["visibility"], t["output"], t["score"]) for t in hidden] == [("after_published", "failed", 0.0)]
    shown = next(t for t in results["tests"] if t["name"].endswith("and tolerates a cancel"))
    assert "fix: " in shown["output"]
    # The summary above the tests is always visible: it must not give the hidden points away.
    visible = [t for t in results["tests"] if t["visibility"] == "visible" and t["name"].startswith("01 ")]
    points = f"{sum(t['score'] for t in visible):g}/{sum(t['max_score'] for t in visible):g}"
    summary = results["output"].splitlines()
    assert summary[0] == f"Exercise 01 · Futures (visible checks): {points}"
    assert summary[-1] == "Some checks are hidden; they and your total appear once grades are published."
    assert not any(line.startswith("Total") for line in summary)


def test_hide_names_must_exist():
    catalog = load_catalog()
    assert parse_hidden(catalog, ["1", "01:requests_overlap"]) == frozenset({"01", "01:requests_overlap"})
    with pytest.raises(UsageError, match="no check 'nope'"):
        parse_hidden(catalog, ["01:nope"])
    with pytest.raises(UsageError, match="exercise 05 is not in this autograder"):
        parse_hidden(catalog, ["05"], catalog.select(["01"]))


def test_an_out_that_cannot_be_written_is_one_sentence_and_no_truncated_zip(tmp_path, monkeypatch):
    (tmp_path / "notes").write_text("a file where a folder would go")
    done = subprocess.run([sys.executable, "-m", "grader", "gradescope", "--out", str(tmp_path / "notes" / "a.zip")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 3 and done.stderr.startswith("error: could not write ") and "Traceback" not in done.stderr

    def disk_full(archive, name, data, executable=False):
        if name.startswith("kit/grader/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        archive.writestr(name, data)

    monkeypatch.setattr(gradescope, "_add", disk_full)
    config = Visibility(frozenset(), "after_due_date", "message")
    with pytest.raises(OSError):
        gradescope.build_zip(tmp_path / "autograder.zip", load_catalog().select(["01"]), config)
    assert not (tmp_path / "autograder.zip").exists()  # half a zip would fail on Gradescope, not here
    (tmp_path / "autograder.zip").write_bytes(b"last week's zip")
    with pytest.raises(OSError):
        gradescope.build_zip(tmp_path / "autograder.zip", load_catalog().select(["01"]), config)
    assert (tmp_path / "autograder.zip").read_bytes() == b"last week's zip"  # a failed build keeps the older zip
    assert not list(tmp_path.glob(".*partial"))  # nor the half-written one beside it


def test_results_that_cannot_be_written_are_one_sentence_and_exit_3(zip_file, tmp_path):
    root = fake_autograder(tmp_path, zip_file, {"ex01_futures.py": SOURCES["stub"]})
    (root / "results").write_text("a file where the results' folder goes")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "GRADER_PYTHON": sys.executable}
    done = subprocess.run([str(root / "run_autograder")], env=env, cwd=root, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 3 and "Traceback" not in done.stderr and "bug in the kit" not in done.stderr
    assert done.stderr.startswith(f"error: could not write {root / 'results'}")


def test_the_given_util_is_taken_from_the_kit_only_when_the_student_has_none(tmp_path):
    exercises = load_catalog().select(["01"])
    (tmp_path / "upload").mkdir()
    (tmp_path / "upload" / "ex01_futures.py").write_text("x = 1\n")
    root = gather_submission(tmp_path / "upload", exercises, KIT / "exercises" / "util.py")
    assert (root / "exercises" / "util.py").read_bytes() == (KIT / "exercises" / "util.py").read_bytes()
    shutil.rmtree(root)
    (tmp_path / "upload" / "util.py").write_text("# mine\n")
    root = gather_submission(tmp_path / "upload", exercises, KIT / "exercises" / "util.py")
    assert (root / "exercises" / "util.py").read_text() == "# mine\n"
    shutil.rmtree(root)


def test_a_file_uploaded_under_a_near_name_is_named_with_the_name_to_give_it(zip_file, tmp_path):
    # a browser's second download of the file: pointed at, not graded, as `grader check` and `grader batch` do
    results = run_autograder(fake_autograder(tmp_path, zip_file, {"ex01_futures (1).py": "x = 1\n"}))
    assert spec_problems(results) == [] and results["score"] == 0
    assert results["tests"][0]["output"].startswith(
        "your submission has no ex01_futures.py, but has ex01_futures (1).py: rename it to ex01_futures.py"
    )


def test_gathering_follows_the_one_rule_no_links_and_not_the_kits_own_stubs(tmp_path):
    exercises = load_catalog().select(["01", "02"])
    upload = tmp_path / "upload"
    (upload / "grader" / "stubs").mkdir(parents=True)
    (upload / "grader" / "stubs" / "ex01_futures.py").write_text("# the kit's stub, not the student's work\n")
    (tmp_path / "elsewhere.py").write_text("# someone else's\n")
    (upload / "ex02_awaitables.py").symlink_to(tmp_path / "elsewhere.py")
    root = gather_submission(upload, exercises, KIT / "exercises" / "util.py")
    assert sorted(p.name for p in (root / "exercises").iterdir()) == ["util.py"]
    shutil.rmtree(root)
