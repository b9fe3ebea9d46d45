"""Spies and clean-ups for the suites whose student code makes, runs or looks up event loops (07, 08, 09).

A loop is judged by what happened to it, not by waiting for the "unclosed event loop" ResourceWarning (that one
fires at garbage collection, in some later check). `LoopSpy` sees every loop constructed while a check runs,
however the student made it (`asyncio.new_event_loop`, imported by name or not, a policy, `asyncio.run`), and
every call of `asyncio.run` or `asyncio.Runner`, also under a name the student imported. A name can hide where no
patch reaches (a default argument, a closure), so `runners_on_stack` also asks the running code itself whether
`asyncio.run` or a `Runner` is running it.

Everything is installed with pytest's `monkeypatch` and undone after the check; `loop_state_guard` then puts the
event-loop policy and its current loop back, closes the loops the student left open and restores the `asyncio`
logger, so that nothing one check leaves behind changes the verdict of the next.
"""

from __future__ import annotations

import asyncio
import asyncio.runners
import logging
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest

_ORIGINAL_RUN = asyncio.run
_ORIGINAL_RUNNER = getattr(asyncio, "Runner", None)  # Python 3.11+
_ORIGINAL_LOOP_INIT = asyncio.BaseEventLoop.__init__


@dataclass
class LoopSpy:
    """What happened to event loops while the spy was on."""

    created: list[asyncio.AbstractEventLoop] = field(default_factory=list)
    """Every loop constructed, in order."""
    run_calls: int = 0
    """Calls of `asyncio.run`."""
    runner_uses: int = 0
    """`asyncio.Runner` objects made by anything but `asyncio.run` (which makes one on 3.11+)."""
    made_by_get_event_loop: list[asyncio.AbstractEventLoop] = field(default_factory=list)
    """The loops among `created` that `asyncio.get_event_loop()` made, finding none set (3.10 to 3.13)."""

    def used(self) -> str | None:
        """Which of asyncio.run and asyncio.Runner the spy saw called, if any."""
        return "asyncio.run" if self.run_calls else "asyncio.Runner" if self.runner_uses else None

    def unclosed(self) -> list[asyncio.AbstractEventLoop]:
        return [loop for loop in self.created if not loop.is_closed()]


def patch_everywhere(monkeypatch: pytest.MonkeyPatch, module: ModuleType, original: Any, spy: Any,
                      places: tuple[tuple[ModuleType, str], ...]) -> None:  # fmt: skip
    """Replace `original` in `places` and under every name the student's module bound it to."""
    for owner, name in places:
        if getattr(owner, name, None) is original:
            monkeypatch.setattr(owner, name, spy)
    for name, value in list(vars(module).items()):
        if value is original:
            monkeypatch.setattr(module, name, spy)


def spy_on_loops(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> LoopSpy:
    """Start watching loop construction and `asyncio.run` / `asyncio.Runner` until the check ends."""
    spy = LoopSpy()

    def counting_init(self: asyncio.BaseEventLoop, *args: Any, **kwargs: Any) -> None:
        spy.created.append(self)
        if _inside_get_event_loop(sys._getframe(1)):
            spy.made_by_get_event_loop.append(self)
        _ORIGINAL_LOOP_INIT(self, *args, **kwargs)

    def recording_run(*args: Any, **kwargs: Any) -> Any:
        spy.run_calls += 1
        return _ORIGINAL_RUN(*args, **kwargs)

    monkeypatch.setattr(asyncio.BaseEventLoop, "__init__", counting_init)
    patch_everywhere(monkeypatch, module, _ORIGINAL_RUN, recording_run, ((asyncio, "run"), (asyncio.runners, "run")))
    if _ORIGINAL_RUNNER is not None:
        original_init = _ORIGINAL_RUNNER.__init__

        # Patched on the class itself, not on its names: every way of reaching the class leads here.
        def counting_runner_init(self: Any, *args: Any, **kwargs: Any) -> None:
            if sys._getframe(1).f_code is not _ORIGINAL_RUN.__code__:
                spy.runner_uses += 1
            elif not spy.run_calls:
                spy.run_calls += 1  # asyncio.run under a name no patch reached
            original_init(self, *args, **kwargs)

        monkeypatch.setattr(_ORIGINAL_RUNNER, "__init__", counting_runner_init)
    return spy


_ASYNCIO_FILES = f"{asyncio.__path__[0]}/"


def _inside_get_event_loop(frame: Any) -> bool:
    """Whether asyncio's own `get_event_loop` (the policy's, under whichever name a version gives it) is running
    on the stack from `frame` outwards."""
    while frame is not None:
        code = frame.f_code
        if code.co_name == "get_event_loop" and code.co_filename.startswith(_ASYNCIO_FILES):
            return True
        frame = frame.f_back
    return False


_RUNNER_CODE = {_ORIGINAL_RUN.__code__: "asyncio.run"}
if _ORIGINAL_RUNNER is not None:
    _RUNNER_CODE[_ORIGINAL_RUNNER.run.__code__] = "asyncio.Runner"


def runners_on_stack() -> set[str]:
    """Which of "asyncio.run" and "asyncio.Runner" are running the calling code, found by their code objects on
    the stack: evidence no name binding can hide (on 3.10 `asyncio.run` makes no Runner for the class spy to see).
    Called from a coroutine, the stack runs through the loop's `run_until_complete` back to whoever called it."""
    found = set()
    frame = sys._getframe(1)
    while frame is not None:
        name = _RUNNER_CODE.get(frame.f_code)
        if name is not None:
            found.add(name)
        frame = frame.f_back
    return found


def _policy() -> asyncio.AbstractEventLoopPolicy:
    with warnings.catch_warnings():  # the policy system is deprecated from 3.14 on, and still what holds the loop
        warnings.simplefilter("ignore", DeprecationWarning)
        return asyncio.get_event_loop_policy()


def _set_policy(policy: asyncio.AbstractEventLoopPolicy | None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop_policy(policy)


def current_loop() -> asyncio.AbstractEventLoop | None:
    """The loop set as current in this thread, read without creating one (which `get_event_loop` may do)."""
    local = getattr(_policy(), "_local", None)
    return getattr(local, "_loop", None)


@contextmanager
def fresh_policy() -> Iterator[asyncio.AbstractEventLoopPolicy]:
    """A new default policy, as in a fresh process: there `get_event_loop()` creates a loop (3.10 to 3.13)."""
    original = _policy()
    _set_policy(None)
    try:
        yield _policy()
    finally:
        _set_policy(original)


@dataclass(frozen=True)
class LoggerState:
    """Everything about a logger that a student's code might change and should put back."""

    handlers: tuple[logging.Handler, ...]
    filters: tuple[Any, ...]
    level: int
    propagate: bool
    disabled: bool

    @classmethod
    def of(cls, logger: logging.Logger) -> LoggerState:
        return cls(tuple(logger.handlers), tuple(logger.filters), logger.level, logger.propagate, logger.disabled)

    def restore(self, logger: logging.Logger) -> None:
        logger.handlers[:] = self.handlers
        logger.filters[:] = self.filters
        logger.setLevel(self.level)
        logger.propagate = self.propagate
        logger.disabled = self.disabled

    def differences(self, now: LoggerState) -> list[str]:
        """What changed from this state to `now`, in words."""
        changes = []
        new_handlers = [h for h in now.handlers if h not in self.handlers]
        if new_handlers:
            kinds = ", ".join(type(h).__name__ for h in new_handlers)
            changes.append(f"{len(new_handlers)} handler(s) left attached ({kinds})")
        if gone_handlers := [h for h in self.handlers if h not in now.handlers]:
            changes.append(f"{len(gone_handlers)} handler(s) that were there before removed")
        new_filters = [f for f in now.filters if f not in self.filters]
        gone_filters = [f for f in self.filters if f not in now.filters]
        if new_filters:
            changes.append(f"{len(new_filters)} filter(s) left on it")
        if gone_filters:
            changes.append(f"{len(gone_filters)} filter(s) that were there before removed")
        if not new_filters and not gone_filters and now.filters != self.filters:
            changes.append("its filters reordered")
        if now.level != self.level:
            before, after = logging.getLevelName(self.level), logging.getLevelName(now.level)
            changes.append(f"its level changed from {before} to {after}")
        if now.propagate != self.propagate:
            changes.append(f"propagate changed from {self.propagate} to {now.propagate}")
        if now.disabled != self.disabled:
            changes.append("it was left disabled" if now.disabled else "it was left enabled")
        return changes


@contextmanager
def loop_state_guard(spy: LoopSpy | None = None) -> Iterator[None]:
    """Start a check with no current loop; afterwards put the policy, the current loop and the `asyncio` logger
    back and close the loops the check's code left open."""
    policy = _policy()
    policy.set_event_loop(None)
    logger = logging.getLogger("asyncio")
    logger_state = LoggerState.of(logger)
    try:
        yield
    finally:
        for loop in spy.unclosed() if spy else ():
            if not loop.is_running():
                loop.close()
        if _policy() is not policy:
            _set_policy(policy)
        policy.set_event_loop(None)
        logger_state.restore(logger)
