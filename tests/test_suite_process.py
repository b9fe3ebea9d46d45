"""The pytest process a suite runs in."""

from __future__ import annotations

import shutil
import subprocess
import sys

from support import KIT

from grader.suite_process import _THIS_GRADER


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
