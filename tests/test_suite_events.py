"""What the parent reads from a suite's process: its events, shaped as the plugin sends them or not."""

from __future__ import annotations

import pytest

from grader.model import Location
from grader.suite_events import SuiteRun, _on_event


def test_an_event_not_shaped_as_the_plugin_sends_it_is_ignored_not_a_crash():
    # Forging an event takes the run's nonce; one that has it still cannot take the grader down with bad fields.
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
    told = []
    run = SuiteRun(on_check=told.append)
    assert _on_event({"event": "begin", "name": "first"}, run, per_check=1.0, deadline=42.0) != 42.0
    assert told == ["first"] and run.running == "first"

    def broken(name: str) -> None:
        raise KeyError(name)

    with pytest.raises(KeyError):
        _on_event({"event": "begin", "name": "second"}, SuiteRun(on_check=broken), per_check=1.0, deadline=42.0)
