"""The tamper guard (grader/guard.py) in-process: what it reports, what it leaves alone, what it puts back."""

from __future__ import annotations

import _pytest.assertion.util
import _pytest.runner

import grader.testing
from grader.guard import GraderSnapshot, changes_since, restore


def test_a_rebound_grader_function_is_reported_and_put_back():
    snapshot = GraderSnapshot()
    original = grader.testing.expect
    grader.testing.expect = lambda *args, **kwargs: None
    try:
        assert "grader.testing.expect" in changes_since(snapshot)
    finally:
        restore(snapshot)
    assert grader.testing.expect is original and changes_since(snapshot) == []


def test_new_code_in_a_pytest_function_is_reported_and_put_back():
    snapshot = GraderSnapshot()
    code = _pytest.runner.show_test_item.__code__
    _pytest.runner.show_test_item.__code__ = (lambda item: None).__code__
    try:
        assert "_pytest.runner.show_test_item" in changes_since(snapshot)
    finally:
        restore(snapshot)
    assert _pytest.runner.show_test_item.__code__ is code


def test_a_rebound_public_pytest_function_is_reported_but_pytests_own_private_state_is_not(monkeypatch):
    snapshot = GraderSnapshot()
    monkeypatch.setattr(_pytest.assertion.util, "_reprcompare", lambda *args: None)  # pytest does this itself
    assert changes_since(snapshot) == []
    monkeypatch.setattr(_pytest.runner, "show_test_item", lambda item: None)
    assert changes_since(snapshot) == ["_pytest.runner.show_test_item"]


def test_silencing_the_guard_itself_is_a_change():
    snapshot = GraderSnapshot()
    code = GraderSnapshot.changes.__code__
    GraderSnapshot.changes.__code__ = (lambda self: []).__code__
    try:
        assert changes_since(snapshot) == ["grader.guard.GraderSnapshot"]
    finally:
        restore(snapshot)
    assert GraderSnapshot.changes.__code__ is code
