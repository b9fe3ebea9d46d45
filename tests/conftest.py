"""One place, shared by the xdist workers of a run, where `support.grade_source` keeps the verdicts it computed; the
order the tests are handed out in; and `--wrong-solutions=cover`, which grades fewer wrong solutions."""

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


LONG_FIRST = ("test_batch_class.py", "test_watch_tmux.py", "test_ex04_start_methods.py")
"""Modules of long tests (a whole class graded, a watcher timed in a terminal, exercise 04 under spawn), collected
first. xdist sends each worker a block of consecutive tests at the start and then two at a time: a long test at the
end of the collection is the run's tail, its worker busy while the others have nothing left to take (the watcher's
timings, last in name order, were 70 s of a 28-minute run at load 20). In front, they go in the first blocks."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--wrong-solutions",
        choices=("all", "cover"),
        default="all",
        help="grade every wrong solution (all), or for each check the one that fails it and the fewest others, with"
        " those whose verdict depends on the Python version (cover: CI's second Python, within its ten minutes)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in LONG_FIRST)  # stable: the order within the rest is kept
    if config.getoption("wrong_solutions") == "cover":
        from test_solutions_and_wrong import covering_cases

        kept = {None, *covering_cases()}  # None: every test that grades no wrong solution
        left_out = [item for item in items if _wrong_case(item) not in kept]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if _wrong_case(item) in kept]


def _wrong_case(item: pytest.Item) -> object:
    """The wrong solution a test of test_solutions_and_wrong.py grades, or None for any other test."""
    if getattr(item, "originalname", None) != "test_wrong_solution_is_caught":
        return None
    return item.callspec.params["path"]
