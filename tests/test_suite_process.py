"""The pytest process a suite runs in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import NoReturn

import pytest
from support import KIT, children

from grader import suite_process
from grader.catalog import load_catalog
from grader.model import Location
from grader.suite_process import _THIS_GRADER, PINNED_GRADER
from grader.workspace import new_workspace, remove

FIRST = load_catalog().exercises[0]


WHERE_FROM = """\
import multiprocessing

import grader.probes


def where() -> str:
    import grader.probes

    return grader.probes.__file__


def test_where():
    print("FROM", grader.__file__, grader.probes.__file__)
    for method in ("spawn", "forkserver"):
        with multiprocessing.get_context(method).Pool(1) as pool:
            print(method.upper(), pool.apply(where))
"""


@pytest.mark.parametrize("checkout", ["another checkout", f"another{os.pathsep}checkout"])
def test_a_suites_process_and_its_workers_import_the_grader_that_started_it_not_the_installed_one(tmp_path, checkout):
    # Spawn and forkserver workers import `grader` afresh to unpickle ex04's probes: they must find the same copy,
    # also from a folder that no PYTHONPATH could name.
    copy = tmp_path / checkout / "grader"
    shutil.copytree(KIT / "grader", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "test_where.py").write_text(WHERE_FROM)
    pinned = str(copy / PINNED_GRADER.name)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ran = subprocess.run(
        [sys.executable, "-c", _THIS_GRADER, pinned, "-q", "-s", "-p", "no:cacheprovider", "test_where.py"],
        cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    probes = copy / "probes" / "__init__.py"
    assert f"FROM {copy / '__init__.py'} {probes}" in ran.stdout
    assert f"SPAWN {probes}" in ran.stdout
    assert f"FORKSERVER {probes}" in ran.stdout


def test_a_run_interrupted_before_its_setup_is_sent_leaves_no_process(monkeypatch):
    # Ctrl-C can land between the start of the process and the try that stops it: the process, waiting on stdin
    # for a setup that never comes, must still be stopped and reaped.
    def interrupted(**fields: object) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(suite_process, "RunSetup", interrupted)
    workspace = new_workspace()
    before = children()
    try:
        with pytest.raises(KeyboardInterrupt):
            suite_process.run_suite(FIRST, workspace, [FIRST.checks[0].name], [], suite_process.Cancellation(), 10.0)
        assert children() - before == set()
    finally:
        remove(workspace)


def test_an_event_not_shaped_as_the_plugin_sends_it_is_ignored_not_a_crash():
    # Forging an event takes the run's nonce; one that has it still cannot take the grader down with bad fields.
    from grader.suite_process import SuiteRun, _on_event

    run = SuiteRun()
    malformed = [
        {"event": "result", "name": "x", "status": "top marks"},
        {"event": "result", "name": "x", "status": "passed", "location": {"file": "f"}},
        {"event": "result", "name": "x", "status": "passed", "duration": "long"},
        {"event": "import_error", "outcome": "forgiven", "message": "m"},
        {"event": "import_error", "outcome": "syntax_error", "message": ["m"]},
        {"event": "begin"},
        {"no event": True},
        ["not", "a", "dict"],
    ]
    for event in malformed:
        assert _on_event(event, run, per_check=1.0, deadline=42.0) == 42.0, event
    assert run.results == {} and run.import_failure is None and run.running is None
    well_formed = {"event": "result", "name": "x", "status": "passed", "location": {"file": "f.py", "line": 3}}
    _on_event(well_formed, run, per_check=1.0, deadline=42.0)
    assert run.results["x"].location == Location("f.py", 3)


def test_a_check_begun_is_told_to_the_display_whose_own_error_is_not_taken_for_a_malformed_event():
    from grader.suite_process import SuiteRun, _on_event

    told = []
    run = SuiteRun(on_check=told.append)
    assert _on_event({"event": "begin", "name": "first"}, run, per_check=1.0, deadline=42.0) != 42.0
    assert told == ["first"] and run.running == "first"

    def broken(name: str) -> None:
        raise KeyError(name)

    with pytest.raises(KeyError):
        _on_event({"event": "begin", "name": "second"}, SuiteRun(on_check=broken), per_check=1.0, deadline=42.0)
