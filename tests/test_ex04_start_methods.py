"""Exercise 04's verdicts hold under every start method of multiprocessing (Python 3.14 defaults to forkserver on
Linux, earlier versions to fork): `$GRADER_MP_START` makes the suite use the one named."""

from __future__ import annotations

import pytest
from support import KIT, SUBMISSIONS, grade_source
from test_solutions_and_wrong import declared_failures, own_failures

from grader.probes.processes import START_METHOD_ENV

METHODS = ["fork", "forkserver", "spawn"]
REPORTS_START_METHOD = """
import multiprocessing

def cpu_bound_work(n):
    return n

async def run_cpu_bound(ns, work=cpu_bound_work):
    return [multiprocessing.get_start_method()]
"""


@pytest.mark.parametrize("method", METHODS)
def test_the_suite_uses_the_start_method_named(tmp_path, monkeypatch, method):
    monkeypatch.setenv(START_METHOD_ENV, method)
    result = grade_source(tmp_path, "04", REPORTS_START_METHOD)
    [first] = [c for c in result.checks if c.name == "returns_results_in_order"]
    assert f"returned ['{method}']" in first.message


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "path",
    [
        KIT / "solutions" / "ex04_cpu_bound.py",
        *(
            SUBMISSIONS / "wrong" / "ex04_cpu_bound" / f"{case}.py"
            # a pool made in the call, one made at import, threads posing as processes, a wait before result()
            for case in (
                "pool_never_shut_down",
                "global_pool_warmed",
                "threads_fake_pid",
                "sleeps_then_blocks_on_result",
                "head_start_in_a_thread",
                "shutdown_in_a_thread_not_awaited",  # held by the spy, whatever the time workers take to end
            )
        ),
        # held while it polls with short sleeps, as the sleep before result() is: it still passes, a little later
        SUBMISSIONS / "alternative" / "ex04_cpu_bound" / "polls_the_futures.py",
        # its shutdown, run in a thread and awaited, is held by the spy too: it passes, a little later
        SUBMISSIONS / "alternative" / "ex04_cpu_bound" / "shutdown_in_a_thread.py",
    ],
    ids=lambda p: p.stem,
)
def test_verdicts_hold_under_each_start_method(tmp_path, monkeypatch, method, path):
    monkeypatch.setenv(START_METHOD_ENV, method)
    result = grade_source(tmp_path, "04", path)
    details = [(c.name, c.status.value, c.message) for c in result.checks]
    if "wrong" in path.parts:
        assert own_failures(result) == declared_failures(path), details
    else:
        assert [c.name for c in result.checks if not c.passed] == [], details
