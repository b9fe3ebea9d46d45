"""Exercise 04: what a failing check says, and that the calls which wait for each other stop waiting as soon as the
student's code shows that the other call cannot come (a wrong solution grades in a moment, not MEET_LIMIT)."""

from __future__ import annotations

from support import SUBMISSIONS, grade_source

from grader.model import CheckResult

WRONG = SUBMISSIONS / "wrong" / "ex04_cpu_bound"
MEET_LIMIT = 3.0
"""The suite's own: how long a call waits for a partner that never comes. The fast ways out take a tenth of it."""
WAITING = ("returns_results_in_order", "runs_in_parallel")
"""The checks whose calls wait for each other."""


def checks(tmp_path, name: str) -> dict[str, CheckResult]:
    return {c.name: c for c in grade_source(tmp_path, "04", WRONG / f"{name}.py").checks}


def test_a_pool_of_one_worker_is_named_at_once_where_it_is_made(tmp_path):
    got = checks(tmp_path, "one_worker")
    verdict = got["runs_in_parallel"]
    assert not verdict.passed
    assert "(the pool has a single worker, max_workers=1, so work(1) waited in its queue" in verdict.message
    assert "give it at least two" in verdict.fix
    assert verdict.location.line == 18, verdict.location  # with ProcessPoolExecutor(max_workers=1) as pool:
    assert got["returns_results_in_order"].passed  # one worker runs them in order: that check has nothing to say
    for name in WAITING:
        assert got[name].duration < MEET_LIMIT, (name, got[name].duration)


def test_a_loop_that_waits_on_result_gives_the_reason_without_waiting_the_limit(tmp_path):
    got = checks(tmp_path, "blocks_on_result")
    verdict = got["runs_in_parallel"]
    assert "(the event loop waited for work(0)'s result(), so work(1) was handed to the pool only once" in (
        verdict.message
    )
    for name in WAITING:
        assert got[name].duration < MEET_LIMIT, (name, got[name].duration)


def test_work_called_in_the_loops_thread_does_not_wait_for_a_partner(tmp_path):
    got = checks(tmp_path, "work_in_the_loop")
    assert got["returns_results_in_order"].passed
    assert got["returns_results_in_order"].duration < MEET_LIMIT, got["returns_results_in_order"].duration


def test_calls_handed_to_threads_one_at_a_time_are_seen_as_such(tmp_path):
    got = checks(tmp_path, "default_executor_one_at_a_time")
    assert got["returns_results_in_order"].passed
    assert got["returns_results_in_order"].duration < MEET_LIMIT, got["returns_results_in_order"].duration
