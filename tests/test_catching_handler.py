"""grader.except_clauses.catching_handler: which `except` of a student's function caught an exception it should have let
through, so that the failure points at that line and not at the `def`."""

from __future__ import annotations

import asyncio
import importlib
import sys

import pytest

from grader.except_clauses import catching_handler

SOURCE = """\
import asyncio
import contextlib
from contextlib import suppress


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


def converts(step):
    try:
        step("a")
    except KeyError as error:
        raise ValueError("no such key") from error


def converts_then_swallows(step):
    try:
        try:
            step("a")
        except KeyError as error:
            raise ValueError("no such key") from error
    except ValueError:
        return None


def raises_again_unless_lenient(step, lenient):
    try:
        step("a")
    except KeyError as error:
        if not lenient:
            raise
        print(error)
    return None


def returns_if_lenient(step, lenient):
    try:
        step("a")
    except KeyError as error:
        if lenient:
            return None
        raise error


def skips_in_a_loop(step):
    done = []
    for at in ("a", "b"):
        try:
            step(at)
        except KeyError:
            continue
        done.append(at)
    return done


def passes_in_a_loop(step):
    for at in ("a", "b"):
        try:
            step(at)
        except KeyError:
            pass
    return None


def suppressed(step):
    with contextlib.suppress(KeyError):
        step("a")
    with suppress(ValueError, LookupError):
        step("b")
    try:
        step("c")
    except LookupError:
        return "caught"
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
    assert catching_handler(module.first_try_catches, error).line == 13


def test_without_a_traceback_the_first_handler_of_that_type_is_named(module):
    # A CancelledError that run_until_complete made anew went through no line of the function.
    assert catching_handler(module.first_try_catches, asyncio.CancelledError()).line == 9  # a name in a tuple
    assert catching_handler(module.first_try_catches, LookupError()).line == 13  # KeyError does not catch it
    assert catching_handler(module.bare, KeyboardInterrupt()).line == 28


def test_no_handler_of_that_type_names_nothing(module):
    assert catching_handler(module.catches_nothing_of_the_kind, LookupError()) is None


def test_a_handler_that_raises_again_let_the_error_through(module):
    assert catching_handler(module.logs_and_raises, LookupError()) is None
    assert catching_handler(module.logs_and_raises, KeyError()).line == 49  # the outer one, which keeps it


def test_of_nested_handlers_the_innermost_that_the_error_went_through_is_named(module):
    error = ValueError("inner")
    assert module.nested(raising_at("a", error)) == "inner"
    assert catching_handler(module.nested, error).line == 36
    assert catching_handler(module.nested, KeyError()).line == 38  # the inner one does not take it


def test_a_handler_that_raises_another_exception_in_its_place_is_named_as_one_that_swallows(module):
    # The error stopped there: a check that saw a return, because an outer `except ValueError:` took the new
    # exception, is sent to the line whose bare `raise` would let the KeyError through; that outer one does not
    # catch a KeyError, and is not named.
    error = KeyError("a")
    assert module.converts_then_swallows(raising_at("a", error)) is None
    assert catching_handler(module.converts_then_swallows, error).line == 64
    assert catching_handler(module.converts, KeyError()).line == 56
    assert catching_handler(module.converts, KeyError(), reraising=True).line == 56


def test_a_handler_that_raises_again_only_on_some_paths_swallowed_the_error(module):
    # `if not lenient: raise` then `return None`, and `if lenient: return None` then `raise error`: either returned.
    for func, line in ((module.raises_again_unless_lenient, 73), (module.returns_if_lenient, 83)):
        error = KeyError("a")
        assert func(raising_at("a", error), True) is None
        assert catching_handler(func, error).line == line, func.__name__


def test_a_handler_that_goes_on_with_the_loop_is_named(module):
    for func, line in ((module.skips_in_a_loop, 94), (module.passes_in_a_loop, 104)):
        error = KeyError("b")
        func(raising_at("b", error))
        assert catching_handler(func, error).line == line, func.__name__
        assert catching_handler(func, KeyError()).line == line, func.__name__  # the same without a traceback


def test_contextlib_suppress_is_named_at_its_with_line_when_the_error_went_through_it(module):
    for at, line in (("a", 110), ("b", 112), ("c", 116)):  # the name imported from contextlib too; then a try
        error = KeyError(at)
        module.suppressed(raising_at(at, error))
        assert catching_handler(module.suppressed, error).line == line, at
    # With no traceback to show which block the error went through, a `with` is never guessed: it has no `except`
    # line whose type alone says it takes the error.
    assert catching_handler(module.suppressed, KeyError()).line == 116
    assert catching_handler(module.suppressed, ValueError()) is None
