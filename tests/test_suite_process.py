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
