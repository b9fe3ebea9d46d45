"""The pytest process a suite runs in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import NoReturn

import pytest
from support import KIT, children

from grader import suite_process
from grader.catalog import load_catalog
from grader.suite_process import _THIS_GRADER
from grader.workspace import new_workspace, remove

FIRST = load_catalog().exercises[0]


def test_a_suites_process_imports_the_grader_that_started_it_not_the_installed_one(tmp_path):
    copy = tmp_path / "another checkout" / "grader"
    shutil.copytree(KIT / "grader", copy, ignore=shutil.ignore_patterns("__pycache__"))
    probe = "import grader.probes\n\ndef test_where():\n    print('FROM', grader.__file__, grader.probes.__file__)\n"
    (tmp_path / "test_where.py").write_text(probe)
    ran = subprocess.run(
        [sys.executable, "-c", _THIS_GRADER, str(copy), "-q", "-s", "-p", "no:cacheprovider", "test_where.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert f"FROM {copy / '__init__.py'} {copy / 'probes' / '__init__.py'}" in ran.stdout


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
