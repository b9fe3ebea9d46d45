"""A solution that blocks the event loop is told where: the message names the blocking line of the student's
file (LoopWatch, in grader/probes/loop_watch.py), and the fix in the lesson's terms."""

from __future__ import annotations

import re

import pytest
from support import SUBMISSIONS, grade_source

CASES = [
    (
        "01",
        "set_future_value_blocks.py",
        "sets_result_after_delay",
        "in set_future_value: time.sleep(delay)",
        "await asyncio.sleep(delay)",
    ),
    (
        "01",
        "blocking_sleep.py",
        "loop_keeps_running_while_waiting",
        "in set_future_value: time.sleep(delay)",
        "await asyncio.sleep(delay)",
    ),
    (
        "01",
        "failing_request_blocks.py",
        "failing_request_waits_and_tolerates_cancel",
        "in _fail_later: time.sleep(delay)",
        "await asyncio.sleep(delay)",
    ),
    (
        "05",
        "requests_in_the_coroutine.py",
        "runs_in_executor",
        "in fetch_status: return requests.get(url, timeout=10).status_code",
        "run_in_executor(None, get_status, url)",
    ),
    (
        "05",
        "calls_get_status_directly.py",
        "runs_in_executor",
        "in fetch_status: status = get_status(url) (inside get_status: return requests.get(url, timeout=10)",
        "run_in_executor(None, get_status, url)",
    ),
    (
        "05",
        "fetch_all_blocks_on_pool_map.py",
        "fetch_all_concurrent",
        "in fetch_all: return list(pool.map(get_status, urls))",
        "asyncio.gather(*(fetch_status(url) for url in urls))",
    ),
    (
        "05",
        "fetch_all_joins_threads.py",
        "fetch_all_concurrent",
        "in fetch_all: thread.join()",
        "asyncio.gather(*(fetch_status(url) for url in urls))",
    ),
    (
        "04",
        "work_in_the_loop.py",
        "loop_stays_responsive",
        "in run_cpu_bound: results = [work(n) for n in ns]",
        "loop.run_in_executor(pool, work, n)",
    ),
    (
        "04",
        "blocks_on_result.py",
        "loop_stays_responsive",
        "in run_cpu_bound: return [pool.submit(work, n).result() for n in ns]",
        "future.result()",
    ),
    (
        "04",
        "thread_pool_map.py",
        "loop_stays_responsive",
        "in run_cpu_bound: return list(pool.map(work, ns))",
        "pool.map",
    ),
]


@pytest.mark.parametrize(("exercise_id", "case", "check", "blamed", "fix"), CASES, ids=[c[1] for c in CASES])
def test_the_blocking_line_is_named(tmp_path, exercise_id, case, check, blamed, fix):
    folder = next((SUBMISSIONS / "wrong").glob(f"ex{exercise_id}_*"))
    path = folder / case
    result = grade_source(tmp_path, exercise_id, path)
    [verdict] = [c for c in result.checks if c.name == check]
    function, code = blamed.removeprefix("in ").split(": ", 1)
    lines = path.read_text().splitlines()
    start = next(n for n, text in enumerate(lines) if f"def {function}(" in text)
    line = next(n for n, text in enumerate(lines[start:], start + 1) if code.split(" (inside")[0] in text)
    expected = rf"event loop blocked for \d+\.\d\d s at exercises/{folder.name}\.py:{line} {re.escape(blamed)}"
    assert re.search(expected, verdict.message), verdict.message
    assert "only 0 time" not in verdict.message  # a ticker that never ran "did not run once"
    assert verdict.location is not None and verdict.location.line == line
    assert fix in verdict.fix
