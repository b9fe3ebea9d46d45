"""A class of 40 generated repositories (tests/classroom.py), graded end to end by the real `grader batch`.

The hostile ones get their status and no more; everyone else the score they get when graded alone; nothing but
--out is written; killed or interrupted runs resume without grading anyone twice; two shards merge into the same
gradebook; report.html opens in headless Chromium. Slow (a few minutes on 2 busy cores): `-m "not slow"` skips it.
"""

from __future__ import annotations

import csv
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import chromium, open_page
from classroom import HOSTILE, KIT, Expected, build_class, expectation, layer_names
from markdown_it import MarkdownIt
from support import grade_source

from grader.catalog import SUITES_DIR, load_catalog
from grader.model import SubmissionResult
from grader.sandbox import probe

pytestmark = pytest.mark.slow

EXERCISES = load_catalog().select(["01"])
LAYERS = layer_names(probe())
STATUSES = {"ok", "not_started", "missing", "import_error", "syntax_error", "timeout", "crashed", "grader_error"}
OUT_ENTRIES = {"batch.json", "feedback", "grades.csv", "report.html", "results.json", "students"}


@dataclass
class Graded:
    folder: Path
    out: Path
    expected: dict[str, Expected]
    before: dict[str, str]
    stdout: str
    stderr: str
    pid: int


def digest_tree(*folders: Path) -> dict[str, str]:
    """Every file under `folders` (links as their targets), for proving that nothing was written there."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                found[str(path)] = "link -> " + os.readlink(path)
            elif path.is_file() and "__pycache__" not in path.parts:
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def batch_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "grader", "batch", *map(str, args), "--jobs", "2", "--exercises", "01"]


def rows(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "grades.csv", encoding="utf-8-sig", newline="") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def records(out: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in (out / "students").glob("*.json")}


def grade_class(base: Path) -> Graded:
    folder, out = base / "class", base / "out"
    expected = build_class(folder, out, LAYERS)
    before = digest_tree(folder, SUITES_DIR, KIT / "solutions")
    proc = subprocess.Popen(batch_command(folder, "--out", out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip
    stdout, stderr = proc.communicate(timeout=900)
    assert proc.returncode == 0, stderr
    return Graded(folder, out, expected, before, stdout, stderr, proc.pid)


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory) -> Graded:
    """The class, graded once per run. Under xdist every worker that runs a test of this module sets the fixture up:
    the first grades the class into the run's shared temporary folder and the others read what it found, rather
    than grade it again beside it (xdist's own `xdist_group` would keep the module on one worker, but pytest 9
    ignores the node ids it rewrites)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return grade_class(tmp_path_factory.mktemp("classroom"))
    shared = tmp_path_factory.getbasetemp().parent  # this run's, the same for every worker
    with open(shared / "classroom.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = shared / "classroom.json"
        if saved.exists():
            data = json.loads(saved.read_text())
            expected = {name: Expected(**case) for name, case in data.pop("expected").items()}
            return Graded(Path(data.pop("folder")), Path(data.pop("out")), expected, **data)
        graded = grade_class(shared / "classroom")
        fields = {**dataclasses.asdict(graded), "folder": str(graded.folder), "out": str(graded.out)}
        saved.write_text(json.dumps(fields))
        return graded


def test_the_class_has_forty_students_and_the_whole_hostile_catalogue(graded_class):
    hostile = {name for name, case in graded_class.expected.items() if case.hostile}
    unsafe_here = [p for p in HOSTILE.glob("*.py") if expectation(p.read_text(), True).requires not in LAYERS | {None}]
    assert len(graded_class.expected) == 40
    assert len(hostile) == 32 - len(unsafe_here), "a hostile case was lost"


def test_every_student_gets_their_status_and_score(graded_class):
    got = rows(graded_class.out)
    assert set(got) == set(graded_class.expected)
    wrong = {
        name: (case.status, case.score, got[name]["status"], got[name]["total"], got[name]["problems"])
        for name, case in graded_class.expected.items()
        if (got[name]["status"], got[name]["total"]) != (case.status, str(case.score))
    }
    assert wrong == {}


def test_ordinary_students_score_as_when_graded_alone(graded_class, tmp_path):
    # Alone: by the grader's core, outside any batch, each student's exercise file as it is. Through grade_source,
    # whose verdicts are kept for the run: five of the twelve files are the same as another student's (the
    # solution twice, the stub three times...), and the solution and the stub are graded by other tests too.
    results = {s["student"]: s for s in json.loads((graded_class.out / "results.json").read_text())["students"]}
    (exercise,) = EXERCISES
    for name, case in graded_class.expected.items():
        if case.hostile:
            continue
        alone = grade_source(tmp_path / name, exercise.id, graded_class.folder / name / exercise.relpath)
        batch = SubmissionResult.from_dict(results[name])
        assert batch.score == alone.score == case.score, name
        assert [c.status for e in batch.exercises for c in e.checks] == [c.status for c in alone.checks], name


def test_nothing_but_out_was_written(graded_class):
    assert digest_tree(graded_class.folder, SUITES_DIR, KIT / "solutions") == graded_class.before
    out = graded_class.out
    assert {p.name for p in out.iterdir()} == OUT_ENTRIES
    assert not list(out.rglob("pwned*")) and not list(graded_class.folder.rglob("pwned*"))
    assert rows(out)["correct-1"]["total"] == "10"
    cgroups = Path("/sys/fs/cgroup/pids/asyncio-kit")
    assert not list(cgroups.glob(f"run-{graded_class.pid}-*")), "the batch left cgroups behind"


def test_hostile_students_are_told_what_happened(graded_class):
    results = {s["student"]: s for s in json.loads((graded_class.out / "results.json").read_text())["students"]}

    def messages(name: str) -> str:
        exercise = results[name]["exercises"][0]
        return " ".join([exercise["message"], *(c["message"] for c in exercise["checks"])])

    assert "printed more than" in messages("hostile-print-200mb")
    assert "os._exit" in messages("hostile-os-exit-in-function")
    assert "sys.exit" in messages("hostile-sys-exit-import")
    assert "symbolic link" in messages("hostile-symlink-outside")
    assert "symbolic link" in messages("hostile-symlinked-exercises")
    assert "larger than" in messages("hostile-oversized-file")
    assert "did not finish" in messages("hostile-loop-in-thread")
    assert "MemoryError" in messages("hostile-alloc-10gb")
    assert "your code called breakpoint(), and grading has no debugger" in messages("hostile-breakpoint-at-import")
    assert "your code called input() in make_request, and grading has no keyboard" in messages(
        "hostile-input-in-function"
    )
    if "hostile-kill-grader" in results:
        assert "PermissionError" in messages("hostile-kill-grader")


def test_results_json_holds_every_check_in_the_model_of_grader_check(graded_class):
    data = json.loads((graded_class.out / "results.json").read_text())
    assert data["version"] == 1 and [e["id"] for e in data["exercises"]] == ["01"]
    assert [s["student"] for s in data["students"]] == sorted(graded_class.expected)
    for entry in data["students"]:
        result = SubmissionResult.from_dict(entry)
        assert entry["status"] in STATUSES and entry["fingerprint"]
        assert len([c for e in result.exercises for c in e.checks]) == len(EXERCISES[0].checks)
        again = result.to_dict()  # the same object `grader check --format json` prints, plus the batch's fields
        assert again == {key: entry[key] for key in again}
        assert set(entry) - set(again) == {"status", "fingerprint", "run"}


def test_every_student_has_feedback_that_shows_their_text_literally(graded_class):
    feedback = graded_class.out / "feedback"
    assert sorted(p.stem for p in feedback.glob("*.md")) == sorted(graded_class.expected)
    injected = (feedback / "hostile-html-injection.md").read_text()
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(injected)  # as GitHub would
    assert not re.search(r"<(script|img|a)\b", rendered)
    assert "<code>&lt;script&gt;</code>" in rendered and "<code>[click](http://example.invalid)</code>" in rendered
    assert "Nothing to grade yet: `make_request()` (line " in (feedback / "stub-1.md").read_text()


def test_the_grader_itself_stays_under_100_mb(graded_class):
    peak = float(re.search(r"peak memory (\d+) MB", graded_class.stdout)[1])
    assert peak < 100, graded_class.stdout


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed (apt-get install chromium)")
def test_the_report_opens_in_headless_chromium(graded_class, tmp_path):
    opened = open_page(graded_class.out / "report.html", tmp_path / "report.png")
    assert opened.body.get("data-ready") == "yes" and "data-errors" not in opened.body, opened.body
    assert opened.console_errors == [] and opened.external == []
    assert opened.screenshot is not None and opened.screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert opened.screenshot.stat().st_size > 20_000  # a page with content, not a blank one


def wait_for_records(out: Path, count: int, proc: subprocess.Popen, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while len(records(out)) < count:
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.1)


def run_interrupted_then_resumed(folder: Path, out: Path, shard: str, stop: signal.Signals) -> dict:
    command = batch_command(folder, "--out", out, "--shard", shard)
    tmp = out.with_name(f"{out.name}-tmp")  # the batch's temporary copies go here, not into the machine's /tmp
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wait_for_records(out, 5, proc)
    proc.send_signal(stop)
    _, stderr = proc.communicate(timeout=120)
    first = records(out)
    if stop is signal.SIGINT:  # graceful: the partial gradebook is written, and the exit code says interrupted
        assert proc.returncode == 130, stderr
        book = rows(out)  # everyone of the shard, those not reached yet as rows without points
        assert {name for name, row in book.items() if row["status"] != "not_graded"} == set(first)
        assert all(row["total"] == "" for row in book.values() if row["status"] == "not_graded")
        assert sorted(book) == sorted(json.loads((out / "batch.json").read_text())["ungraded"] + list(first))
        assert not list(tmp.glob("grader-*")), "an interrupted batch left copies of students' files behind"
    else:  # a killed machine: only the copies of the students being graded are left, in the TMPDIR it had
        assert proc.returncode == -signal.SIGKILL
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=900, env=env)
    assert resumed.returncode == 0, resumed.stderr
    final = records(out)
    assert f"{len(first)} unchanged since the last run" in resumed.stderr
    assert all(final[name]["run"] == record["run"] for name, record in first.items()), "someone was graded twice"
    later = {record["run"] for name, record in final.items() if name not in first}
    assert len(later) == 1 and not later & {record["run"] for record in first.values()}
    assert not list(Path("/sys/fs/cgroup/pids/asyncio-kit").glob(f"run-{proc.pid}-*")), "stale cgroups survived"
    return final


def test_killed_and_interrupted_shards_resume_and_merge_into_the_same_gradebook(graded_class, tmp_path):
    # Half the class (every other student, hostile ones among them) is enough to kill, interrupt and resume a
    # shard each; every student's row must be the one the whole class's run gave.
    half = tmp_path / "half-class"
    for name in sorted(graded_class.expected)[::2]:
        shutil.copytree(graded_class.folder / name, half / name, symlinks=True)
    one = run_interrupted_then_resumed(half, tmp_path / "shard-1", "1/2", signal.SIGKILL)
    two = run_interrupted_then_resumed(half, tmp_path / "shard-2", "2/2", signal.SIGINT)
    assert not set(one) & set(two) and set(one) | set(two) == {path.name for path in half.iterdir()}
    merged = subprocess.run([sys.executable, "-m", "grader", "merge", tmp_path / "shard-1", tmp_path / "shard-2",
                             "--out", tmp_path / "merged"], capture_output=True, text=True)  # fmt: skip
    assert merged.returncode == 0, merged.stderr
    whole = rows(graded_class.out)
    assert rows(tmp_path / "merged") == {name: whole[name] for name in set(one) | set(two)}
