"""What the checks of exercises 05 and 06 tell the student about plausible wrong solutions: what happened, the fix
in the lesson's words, and the student's line where the slip can be found."""

from __future__ import annotations

from support import SUBMISSIONS, grade_source

from grader.model import CheckResult

WRONG = SUBMISSIONS / "wrong"


def failed(result) -> dict[str, CheckResult]:
    return {c.name: c for c in result.checks if not c.passed}


def test_a_session_left_open_by_the_way_out_for_no_urls_is_named(tmp_path):
    checks = failed(grade_source(tmp_path, "06", WRONG / "ex06_aiohttp" / "session_left_open_for_no_urls.py"))
    assert set(checks) == {"closes_the_session"}, {n: c.message for n, c in checks.items()}
    verdict = checks["closes_the_session"]
    assert verdict.message.startswith("fetch_all([]) returned with its ClientSession still open"), verdict.message
    assert "`if not urls: return []` first" in verdict.fix and "async with aiohttp.ClientSession()" in verdict.fix
    assert verdict.location.line == 15 and verdict.location.function == "fetch_all"  # where the session is made
