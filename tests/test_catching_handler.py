"""grader.testing.catching_handler: which `except` of a student's function caught an exception it should have let
through, so that the failure points at that line and not at the `def`."""

from __future__ import annotations

import asyncio
import importlib
import sys

import pytest

from grader.testing import catching_handler

SOURCE = """\
import asyncio


def first_try_catches(step):
    try:
        step("a")
    except (KeyError, asyncio.CancelledError):
        return "caught early"
    try:
        step("b")
    except Exception:
        return "caught late"
    return None


def catches_nothing_of_the_kind(step):
    try:
        step("a")
    except ValueError:
        return None


def bare(step):
    try:
        step("a")
    except:  # noqa: E722
        return None


def nested(step):
    try:
        try:
            step("a")
        except ValueError:
            return "inner"
    except Exception:
        return "outer"


def logs_and_raises(step):
    try:
        try:
            step("a")
        except Exception as error:
            print(error)
            raise
    except KeyError:
        return None
"""


@pytest.fixture
def module(tmp_path, monkeypatch):
    """The functions above as a student's module, `exercises.handlers`, whose file the grader's locations name. The
    `exercises` package of this process is put back afterwards: a later test in the same worker imports the stubs."""
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "__init__.py").write_text("")
    (tmp_path / "exercises" / "handlers.py").write_text(SOURCE)
    monkeypatch.syspath_prepend(str(tmp_path))
    kept = {name: module for name, module in sys.modules.items() if name.partition(".")[0] == "exercises"}
    for name in kept:
        del sys.modules[name]
    yield importlib.import_module("exercises.handlers")
    for name in [name for name in sys.modules if name.partition(".")[0] == "exercises"]:
        del sys.modules[name]
    sys.modules.update(kept)


def raising_at(where: str, error: BaseException):
    def step(at: str) -> None:
        if at == where:
            raise error

    return step


def test_the_handler_of_the_try_the_error_went_through_is_named(module):
    error = LookupError("late")
    assert module.first_try_catches(raising_at("b", error)) == "caught late"
    assert catching_handler(module.first_try_catches, error).line == 11


def test_without_a_traceback_the_first_handler_of_that_type_is_named(module):
    # A CancelledError that run_until_complete made anew went through no line of the function.
    assert catching_handler(module.first_try_catches, asyncio.CancelledError()).line == 7  # a name in a tuple
    assert catching_handler(module.first_try_catches, LookupError()).line == 11  # KeyError does not catch it
    assert catching_handler(module.bare, KeyboardInterrupt()).line == 26


def test_no_handler_of_that_type_names_nothing(module):
    assert catching_handler(module.catches_nothing_of_the_kind, LookupError()) is None


def test_a_handler_that_raises_again_let_the_error_through(module):
    assert catching_handler(module.logs_and_raises, LookupError()) is None
    assert catching_handler(module.logs_and_raises, KeyError()).line == 47  # the outer one, which keeps it


def test_of_nested_handlers_the_innermost_that_the_error_went_through_is_named(module):
    error = ValueError("inner")
    assert module.nested(raising_at("a", error)) == "inner"
    assert catching_handler(module.nested, error).line == 34
    assert catching_handler(module.nested, KeyError()).line == 36  # the inner one does not take it
