"""One place, shared by the xdist workers of a run, where `support.grade_source` keeps the verdicts it computed."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from support import GRADES_ENV


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller, or a run without xdist: workers inherit the variable
        os.environ[GRADES_ENV] = tempfile.mkdtemp(prefix="asyncio-kit-grades-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        shutil.rmtree(os.environ.pop(GRADES_ENV, ""), ignore_errors=True)
