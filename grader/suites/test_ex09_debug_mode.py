"""Exercise 09: debug mode.

`slow_callbacks` runs its own loop, so every check is a plain sync test. The suite hears what debug mode itself
reported: a spy stands in for the logger that asyncio's loop writes its "Executing ... took N seconds" warnings
to, notes each duration, and passes the call on to the real `asyncio` logger, where the student's handler
receives it as usual. The student's list is compared with those notes (to the millisecond the message rounds to),
so a machine busy enough to make an extra step slow changes both sides alike. Blocking steps are at least 0.12 s
against thresholds of 0.1 s (a wrong solution always reports them) and 0.5 s (a right one does not), except the
short steps of 0.015 to 0.035 s (`SHORT_BLOCKS`) against 0.001 s, which a test of the student's own against 0.1 s
drops. The steps whose durations are compared last a whole number of hundredths and a half (0.125 s, not 0.12 s): a
duration rounded to the hundredth then differs from the one reported by about half a hundredth, where a step of
whole hundredths lost only the sleep's overshoot, often less than the tolerance.
"""

from __future__ import annotations

import ast
import asyncio
import asyncio.base_events
import dataclasses
import inspect
import logging
import textwrap
import time
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

from grader.except_clauses import catching_handler
from grader.model import Location
from grader.suites.loop_spies import LoggerState, LoopSpy, loop_state_guard, spy_on_loops
from grader.testing import (
    RETURN_IN_FINALLY,
    CallIn,
    _Source,
    calling_line,
    check,
    expect,
    expect_default,
    fail,
    follows_from,
    function_around,
    return_in_finally,
    returns_no_value,
    student,
    where,
)

ex = student("exercises.ex09_debug_mode")

SLOW_STEP = "Executing %s took %.3f seconds"
TOLERANCE = 0.0011
"""The warning prints durations to the millisecond; a student may read them from the message."""
ATTACH_HANDLER = (
    "Attach a logging.Handler of your own to logging.getLogger('asyncio') before running main(); each warning "
    "'Executing ... took N seconds' reaches it as a record whose record.args end with the duration."
)
RESTORE_LOGGER = (
    "Undo every change in a `finally` block: logger.removeHandler(your_handler) (logger.removeFilter(your_filter)"
    " for a filter), and put back any level or propagate setting you changed."
)

RUN_HAS_ITS_OWN_LOOP = (
    "asyncio.run makes its loop itself, with the default threshold of 0.1 s: set"
    " asyncio.get_running_loop().slow_callback_duration = threshold in a coroutine that then awaits main(), or make"
    " the loop yourself with asyncio.new_event_loop() and run main() with loop.run_until_complete(main())."
)


def threshold_fix() -> tuple[str, Location | Callable[..., Any]]:
    """How to set the threshold that main() ran without, and where: asyncio.run's line when the student's code lets
    asyncio.run make the loop (it has no argument for the threshold), else their function."""
    run_call = CallIn(ex.slow_callbacks, "run").found()
    if run_call is not None:
        return RUN_HAS_ITS_OWN_LOOP, run_call
    return "Set loop.slow_callback_duration = threshold before main() runs; the default is 0.1 s.", ex.slow_callbacks


RUN_AT_ZERO = " A threshold of 0 is a value too: a test such as `if threshold:` skips it."

BLOCKS = (0.125, 0.305, 0.155)
"""The blocking steps of the check on the default threshold, in order: neither ascending nor descending. Each a half
hundredth off the hundredths, so that a duration rounded (or cut) to two decimals differs from the one reported."""
BLOCKS_SHOWN = ", then ".join(f"{d:g} s" for d in BLOCKS)


class SlowStepSpy:
    """Stands in for the logger of `asyncio.base_events`: notes each slow step debug mode reports, then logs it."""

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger
        self.durations: list[float] = []
        self.began: list[float] = []
        """When each of those steps began (time.monotonic(), as debug mode times them): reported at its end."""
        self.callbacks: list[float] = []
        """The durations of plain callbacks' steps (a `<Handle ...>`, not a task's `<Task ...>`) among them."""
        self.passed_on: list[bool] = []
        """For each of those steps, whether the `asyncio` logger let its WARNING through to the handlers."""

    def warning(self, msg: Any, *args: Any, **kwargs: Any) -> None:
        self.note(msg, args)
        warning = self._logger.warning
        if _loggings_own_warning(warning):
            kwargs.setdefault("stacklevel", 2)  # the record names asyncio's line, as without the spy
        # else the student's own `warning` (set on the logger or on logging.Logger), called as asyncio calls it
        warning(msg, *args, **kwargs)

    def note(self, msg: Any, args: tuple) -> None:
        if msg == SLOW_STEP and args:
            self.durations.append(float(args[-1]))
            self.passed_on.append(logging.getLogger("asyncio").isEnabledFor(logging.WARNING))
            self.began.append(time.monotonic() - float(args[-1]))
            if str(args[0]).startswith(("<Handle", "<TimerHandle")):
                self.callbacks.append(float(args[-1]))

    def __setattr__(self, name: str, value: Any) -> None:
        # A student may listen where asyncio speaks, `mock.patch.object(base_events.logger, "warning", ...)`: the
        # spy is that logger now, so its `warning` is what they replace. Theirs is called, and the spy still hears.
        if name == "warning" and callable(value):
            replacement = value

            def value(msg: Any, *args: Any, **kwargs: Any) -> Any:
                self.note(msg, args)
                return replacement(msg, *args, **kwargs)

        object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger, name)


def _loggings_own_warning(method: Any) -> bool:
    """Whether `method` is Logger.warning as the logging module defines it, not a replacement of the student's (on
    the logger, or on the class, at import even), which may take no `stacklevel`."""
    func = getattr(method, "__func__", None)
    code = getattr(func, "__code__", None)
    return code is not None and code.co_filename == logging.__file__ and func.__qualname__ == "Logger.warning"


class Boom(Exception):
    """What a check's `main` raises, so that it cannot be mistaken for anything else."""


@pytest.fixture(autouse=True)
def loops(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopSpy]:
    spy = spy_on_loops(monkeypatch, ex)
    root = logging.getLogger()
    root_handlers = list(root.handlers)
    with loop_state_guard(spy):
        yield spy
    # A handler the student's code left on the root logger would hear every later check (pytest's own capture of each
    # phase, a new handler every time, is left to pytest).
    for handler in root.handlers[:]:
        if handler not in root_handlers and not type(handler).__module__.startswith("_pytest"):
            root.removeHandler(handler)


REPORTED_BEFORE: list[float] = []
"""Every duration debug mode reported in the checks that ran before this one, in order: a list that the student's
slow_callbacks keeps from call to call (at module level, or as a default argument) still holds them."""


@pytest.fixture
def reported() -> Iterator[SlowStepSpy]:
    module = asyncio.base_events
    logger, kind = module.logger, type(module)
    spy = SlowStepSpy(logger)
    module.__dict__["logger"] = spy
    SPYING[:] = [spy]
    # A student may put a logger of their own in asyncio's place, `mock.patch("asyncio.base_events.logger")`: the
    # module then hands whatever is set there to a relay, which lets the spy hear what asyncio tells it.
    module.__class__ = relaying_module(kind, spy)
    add_handler = logging.Logger.addHandler
    HANDLERS_ADDED.clear()
    HEARING.clear()

    def noting_add_handler(self: logging.Logger, handler: logging.Handler) -> None:
        if (line := calling_line()) is not None:  # the student's, not pytest's own log capture
            HANDLERS_ADDED.append((self.name, line))
            if self.name in ("asyncio", "root"):
                HEARING.append(handler)
        add_handler(self, handler)

    logging.Logger.addHandler = noting_add_handler  # type: ignore[method-assign]
    try:
        yield spy
    finally:
        logging.Logger.addHandler = add_handler  # type: ignore[method-assign]
        module.__class__ = kind
        module.__dict__["logger"] = logger
        SPYING.clear()
    REPORTED_BEFORE.extend(spy.durations)


SPYING: list[SlowStepSpy] = []
"""The check's spy, while it runs."""


HANDLERS_ADDED: list[tuple[str, Location]] = []
"""The name of each logger the student's code added a handler to during the check, and the line that did."""
HEARING: list[logging.Handler] = []
"""The handlers the student's code added during the check to a logger that hears asyncio's warnings: `asyncio` or
the root logger."""


def relaying_module(kind: type[types.ModuleType], spy: SlowStepSpy) -> type[types.ModuleType]:
    """A class for `asyncio.base_events` whose `logger`, when set to anything but the spy, is set to a `Relay` of it:
    asyncio's code reads the name from the module's globals, so the relay is what it speaks to."""

    class RelayingModule(kind):  # type: ignore[misc, valid-type]
        @property
        def logger(self) -> Any:
            return self.__dict__["logger"]

        @logger.setter
        def logger(self, value: Any) -> None:
            self.__dict__["logger"] = value if value is spy else Relay(value, spy)

    return RelayingModule


class Relay:
    """A logger a student put in the place of asyncio's: it hears asyncio's reports, and the spy hears them too."""

    def __init__(self, target: Any, spy: SlowStepSpy) -> None:
        self._target, self._spy = target, spy

    def warning(self, msg: Any, *args: Any, **kwargs: Any) -> Any:
        self._spy.note(msg, args)
        return self._target.warning(msg, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


class Main:
    """An `async def` function with no arguments for slow_callbacks (`.main`); notes the loop it ran on, in what
    mode."""

    def __init__(
        self, *blocks: float, wait: float = 0.0, error: BaseException | None = None, callback: float = 0.0
    ) -> None:
        self.blocks, self.wait, self.error, self.callback = blocks, wait, error, callback
        self.runs: list[dict[str, Any]] = []
        self.returned_at: float | None = None
        """time.monotonic() as main() returned or raised."""

        # A plain function named main, as the student's own would be: a message that shows it (asyncio.run(main)
        # refused) reads `<function main at 0x...>`, not a bound method of a class of the grader's.
        async def main() -> None:
            await self._body()

        main.__qualname__ = "main"
        self.main = main

    async def _body(self) -> None:
        loop = asyncio.get_running_loop()
        self.runs.append(
            {
                "loop": loop,
                "debug": loop.get_debug(),
                "threshold": loop.slow_callback_duration,
                "awaited_at": calling_line(),  # the student's line that awaited main(), if a coroutine of theirs did
            }
        )
        if self.callback:  # a plain callback that blocks: debug mode times it as a step of its own
            loop.call_soon(time.sleep, self.callback)
            await asyncio.sleep(0)  # it runs before main() goes on: a step of main()'s time, not after it
        try:
            if self.wait:
                await asyncio.sleep(self.wait)
            for index, block in enumerate(self.blocks):  # each one its own step: debug mode reports them one by one
                if index:
                    await asyncio.sleep(0)
                time.sleep(block)  # the mistake debug mode is there to find: a blocking call in a coroutine
            # No await after the last block: main()'s last step blocks, and debug mode reports it once main() has
            # returned, which a handler removed by the coroutine that awaited main() no longer hears.
            if self.error is not None:
                raise self.error
        finally:
            self.returned_at = time.monotonic()

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        return self.runs[0]["loop"] if self.runs else None


def as_durations(got: Any, call: str) -> list[float]:
    if not isinstance(got, list) or not all(isinstance(d, (int, float)) and not isinstance(d, bool) for d in got):
        fail(f"{call} returned {got!r}", expected="a list of durations in seconds, as floats (e.g. [0.301])",
             fix=_not_durations_fix(got), at=ex.slow_callbacks)  # fmt: skip
    if got:
        _HEARD_BEFORE[:] = [call]
    return [float(d) for d in got]


_HEARD_BEFORE: list[str] = []
"""The last call of slow_callbacks, in this suite's process, that returned durations: the student's handler heard
the warnings then, so a later call that returns none lost its handler since (one attached only once), or a filter
of an earlier call's drops them."""


def _not_durations_fix(got: Any) -> str:
    """What to change when slow_callbacks returned no list of numbers: the missing `return`, the container, or what
    was kept of each warning."""
    if got is None and returns_no_value(ex.slow_callbacks):
        return (
            "slow_callbacks has no `return` of its own, so it returns None: end it with `return durations`, after"
            " the `finally:` block, where durations is a list that your handler appends each duration to."
        )
    if isinstance(got, Iterable) and not isinstance(got, (str, bytes, list)):
        return (
            f"Return a list, not a {type(got).__name__}: keep the durations in a list as the warnings arrive, and"
            " return that list itself."
        )
    return "Keep the number itself: the last item of record.args, or float() of what the message says."


def expect_only_this_call(
    got: list[float], reported: list[float], call: str, before: list[float] | None = None
) -> None:
    """The durations of this call only: a list kept from call to call begins with what earlier calls found
    (`before`, by default those of the earlier checks), a mistake that "debug mode reported no slow step" or "the
    threshold is ignored" would misexplain."""
    before = REPORTED_BEFORE if before is None else before
    kept = len(got) - len(reported)
    if kept <= 0 or kept > len(before) or not _same(got[kept:], reported):
        return
    if _same(got[:kept], before[-kept:]):
        which = "all of them are" if not reported else f"the first {kept} are"
        fail(
            f"{call} returned {seconds(got)}: {which} what debug mode reported to earlier calls of slow_callbacks",
            expected=f"{seconds(reported)}: the slow steps of this call only",
            fix="Start every call with a new, empty list, made inside slow_callbacks: a list at module level (or"
            " a default argument) keeps what every earlier call found.",
            at=ex.slow_callbacks,
        )


def seconds(durations: list[float]) -> str:
    """Durations as a message shows them, to the millisecond as debug mode's own warnings do: [0.121, 0.301]."""
    return f"[{', '.join(f'{d:.3f}' for d in durations)}]"


def _same(got: list[float], reported: list[float]) -> bool:
    return len(got) == len(reported) and all(abs(a - b) <= TOLERANCE for a, b in zip(got, reported, strict=True))


def heard(got: list[float], reported: SlowStepSpy, main: Main, since: int = 0) -> list[float]:
    """What debug mode reported since `since` that `got` must hold: all of it, or all but the steps that began after
    main() had returned, the loop's own shutdown after run_until_complete(main()) (shutdown_asyncgens), which a
    handler removed right after main() may leave out as rightly as one kept to loop.close() hears it."""
    durations = reported.durations[since:]
    after = sum(main.returned_at is not None and began > main.returned_at for began in reported.began[since:])
    if len(durations) - after <= len(got) < len(durations) and _same(got, durations[: len(got)]):
        return durations[: len(got)]
    return durations


def _cut_to_hundredths(got: list[float], reported: list[float]) -> bool:
    """Whether every duration returned is a whole number of hundredths while one that debug mode reported, to the
    millisecond as its warning prints it, is not: rounded or cut to two decimals, however close that came. A duration
    kept as reported (record.args[-1], or the number its message prints) never is one then."""
    return (
        bool(got)
        and len(got) == len(reported)
        and all(abs(d * 100 - round(d * 100)) < 1e-6 for d in got)
        and all(abs(a - b) < 0.01 for a, b in zip(got, reported, strict=True))  # other numbers are other mistakes
        and any(not f"{d:.3f}".endswith("0") for d in reported)
    )


NOT_ROUNDED = (
    "Keep each duration exactly as debug mode reports it, record.args[-1], not rounded: the durations are compared to"
    " the millisecond."
)


def expect_same_as_reported(got: list[float], reported: list[float], call: str) -> None:
    shown = seconds(reported)
    if _same(got, reported) and not _cut_to_hundredths(got, reported):
        return
    if not reported:
        fail(
            f"{call} returned {seconds(got)}, but debug mode reported no slow step",
            expected="[]: only the steps debug mode reports count, not the time main() took as a whole",
            fix="Collect the durations from debug mode's warnings; do not time main() yourself.",
            at=ex.slow_callbacks,
        )
    fix, at = ATTACH_HANDLER, ex.slow_callbacks
    if not got and (caught := CallIn(ex.slow_callbacks, "catch_warnings").found()) is not None:
        # "reports it as a warning" read as Python's warnings module
        at = caught
        fix = (
            "Debug mode's 'Executing ... took N seconds' is a WARNING record logged on the `asyncio` logger"
            " (logger.warning), not a Python warning: warnings.catch_warnings never sees it. " + ATTACH_HANDLER
        )
    elif not got and CallIn(ex.slow_callbacks, "NullHandler").found() is not None:
        fix = (
            "logging.NullHandler ignores every record, before its filters or emit() see it: subclass"
            " logging.Handler and keep the durations in its emit(record)."
        )
    elif not got and _HEARD_BEFORE:
        fix = (
            "An earlier call of slow_callbacks returned durations, this one none: attach your handler at every call"
            " and remove it at its end. One added only once (at the first call, or at import) hears nothing after"
            " it is removed, and a filter that a call leaves on the logger drops the next call's warnings."
        )
    elif not got and (elsewhere := _listens_elsewhere()) is not None:
        named, at = elsewhere
        fix = (
            f"Your handler is on {named}, which never sees asyncio's warnings: they are logged on the logger named"
            " 'asyncio', and a record goes on up to that logger's parents (the root logger), never down to a child"
            " such as 'asyncio.base_events' or across to another logger. Attach your handler to"
            " logging.getLogger('asyncio')."
        )
    elif not got and (read := _reads_the_format_string(reported)) is not None:
        at = read
        fix = (
            "Your handler got the warnings but kept nothing: record.msg is the format string, 'Executing %s took %.3f"
            " seconds', with no number in it. Read the duration from record.args[-1], or from record.getMessage(),"
            " the message with its numbers filled in."
        )
    elif not got:  # their handler heard nothing: a level or filter that drops WARNING records
        fix += " The warnings are WARNING records: a handler's level above WARNING (ERROR, say) drops them all."
    elif _cut_to_hundredths(got, reported):
        fix = NOT_ROUNDED
    elif reported and _same(got[::2], reported) and _same(got[1::2], reported):
        fix = (
            "Each warning reached your handler twice: attach it once, to logging.getLogger('asyncio') only. A record"
            " logged there also goes on to the root logger's handlers, and one handler on both hears it twice."
        )
    elif _same(sorted(got), sorted(reported)):
        fix = "Keep the durations in the order the warnings arrive: append each one as your handler gets it, unsorted."
    elif _same([d / 1000 for d in got], reported):
        fix = "Keep the durations in seconds, as debug mode reports them: record.args[-1] as it is, not times 1000."
    elif len(got) == len(reported) and all(abs(a - b) <= 0.05 + TOLERANCE for a, b in zip(got, reported, strict=True)):
        fix = NOT_ROUNDED
    elif len(got) == len(reported):
        fix = (
            "Your code kept one value per warning, but not the duration: keep record.args[-1], the last of the"
            " record's arguments, or the number just before ' seconds' in record.getMessage(). The first number in"
            " the message may belong to the task's description (a file path, a line number)."
        )
    elif got and len(got) < len(reported):
        fix = "Keep the duration of every warning, not only some of them (not only the slowest)."
    fail(
        f"{call} returned {seconds(got)}, but debug mode reported the slow steps {shown}",
        expected=f"{shown}: every duration debug mode reported, in order",
        fix=fix,
        at=at,
    )


def _reads_the_format_string(reported: list[float]) -> Location | None:
    """The student's line that reads `record.msg` when a handler of theirs got every warning debug mode reported (at
    a level that lets WARNING through, on a logger that passed them on) and kept none: a search in the format string,
    which holds '%.3f' where the message has the duration. None otherwise."""
    passed_on = [passed for spy in SPYING for passed in spy.passed_on]
    if not reported or not passed_on or not all(passed_on):
        return None
    if not any(handler.level <= logging.WARNING for handler in HEARING) or (source := _Source.of(ex)) is None:
        return None
    reads = [node.lineno for node in ast.walk(source.tree) if isinstance(node, ast.Attribute) and node.attr == "msg"]
    if not reads or (at := source.location(line := min(reads))) is None:
        return None
    name = function_around(source.tree, line)
    return dataclasses.replace(at, function=name) if name else at  # the innermost: its emit(), say


def _listens_elsewhere() -> tuple[str, Location] | None:
    """The logger the student's code added its handler to, named for a sentence, and the line, when that is neither
    'asyncio' nor the root logger, which hear asyncio's warnings (`getLogger(__name__)`, 'asyncio.base_events');
    None when it added one to either, or none at all (a filter, a level: the other fixes)."""
    if not HANDLERS_ADDED or any(name in ("asyncio", "root") for name, _ in HANDLERS_ADDED):
        return None
    name, at = HANDLERS_ADDED[0]
    return f"the logger {name!r}", at


def debug_attribute_set() -> tuple[str, Location] | None:
    """The student's `loop.debug = True` in slow_callbacks, as written, and its line, if there is one: an attribute
    of their own, which no part of asyncio reads (debug mode is `set_debug`'s, and `get_debug()` tells it)."""
    func = ex.slow_callbacks
    try:
        lines, first = inspect.getsourcelines(func)
        tree = ast.parse(textwrap.dedent("".join(lines)))
    except (OSError, TypeError, SyntaxError):
        return None
    own = where(func)
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if own is not None and any(isinstance(t, ast.Attribute) and t.attr == "debug" for t in targets):
            return ast.unparse(node), Location(own.file, first + node.lineno - 1, own.function)
    return None


def _debug_off_fix(debug_elsewhere: bool) -> tuple[str, Any]:
    """The fix, and where, for main() run with debug mode off: on for another loop, a `loop.debug = True` of the
    student's, or never turned on."""
    if debug_elsewhere:
        return (
            _on_another_loop("turned debug mode on for", "asyncio.run(main(), debug=True)"),
            CallIn(ex.slow_callbacks, "run", "run_until_complete"),
        )
    if (attribute := debug_attribute_set()) is not None:
        written, at = attribute
        return (
            f"`{written}` only gives the loop an attribute of your own, which asyncio never reads: call the method,"
            " loop.set_debug(True), before the loop runs main().",
            at,
        )
    return (
        "Call loop.set_debug(True) on your loop before it runs main(), or use asyncio.run(..., debug=True).",
        ex.slow_callbacks,
    )


def _on_another_loop(what: str, otherwise: str) -> str:
    """The fix when the student did `what` to a loop of theirs that did not run main(): asyncio.run (or a Runner)
    makes a loop of its own, so a loop made beside it only sits there."""
    return (
        f"You {what} a loop that did not run main(): asyncio.run makes a loop of its own. Set it on the loop"
        f" that runs main(): run main() on your loop with loop.run_until_complete(main()), or use {otherwise}."
    )


@check(
    "slow_callbacks runs main() once on a new loop in debug mode, with slow_callback_duration = threshold, and"
    " closes that loop"
)
def test_runs_main_in_debug_mode(loops: LoopSpy, reported: SlowStepSpy):
    # `reported` notes what debug mode says here too (at threshold=0, every step): a list the student's code keeps
    # from call to call holds it, and the later checks name that mistake from those notes.
    main = Main()
    ex.slow_callbacks(main.main, 0.25)
    expect(len(main.runs) == 1, f"main() ran {len(main.runs)} times", expected="once", at=ex.slow_callbacks)
    run = main.runs[0]
    expect(run["loop"] in loops.created, "main() ran on a loop that existed before slow_callbacks was called",
           expected="a fresh loop", fix="Make a new loop (asyncio.new_event_loop(), or asyncio.run).",
           at=ex.slow_callbacks)  # fmt: skip
    # A setting made on a loop of the student's that did not run main() (made beside asyncio.run) needs its own fix.
    others = [loop for loop in loops.created if loop is not run["loop"]]
    debug_elsewhere = any(loop.get_debug() for loop in others)
    debug_fix, debug_at = _debug_off_fix(debug_elsewhere)
    expect(
        run["debug"],
        "main() ran on a loop with debug mode off"
        + (", and debug mode was on for another loop, which did not run main()" if debug_elsewhere else ""),
        expected="loop.get_debug() is True while main() runs",
        fix=debug_fix,
        at=debug_at,
    )
    threshold_elsewhere = any(abs(loop.slow_callback_duration - 0.25) < 1e-9 for loop in others)
    if threshold_elsewhere:
        fix, at = (
            _on_another_loop(
                "set the threshold on",
                "asyncio.get_running_loop().slow_callback_duration = threshold, set in a coroutine that then awaits"
                " main()",
            ),
            CallIn(ex.slow_callbacks, "run", "run_until_complete"),
        )
    elif abs(run["threshold"] - 250) < 1e-6:
        fix, at = (
            "The threshold is in seconds already: `loop.slow_callback_duration = threshold`, not a thousand times it.",
            ex.slow_callbacks,
        )
    else:
        fix, at = threshold_fix()
    expect(
        abs(run["threshold"] - 0.25) < 1e-9,
        f"with threshold=0.25, main() ran with loop.slow_callback_duration = {run['threshold']!r}"
        + (", and another loop, which did not run main(), had 0.25" if threshold_elsewhere else ""),
        expected="0.25: debug mode reports the steps slower than slow_callback_duration",
        fix=fix,
        at=at,
    )
    expect(run["loop"].is_closed(), "the loop was still open when slow_callbacks returned",
           expected="slow_callbacks closes its loop", fix="Call loop.close() in a `finally:` block.",
           at=CallIn(ex.slow_callbacks, ("close", "new_event_loop"), "new_event_loop"))  # fmt: skip
    # Below the default: a threshold never set lower than 0.1 s shows here, and one set only `if threshold:` at 0.
    lows = ((0.05, "below the default of 0.1 s too", ""), (0, "0 too, which reports every step", RUN_AT_ZERO))
    for low_threshold, meaning, zero in lows:
        low = Main()
        try:
            ex.slow_callbacks(low.main, low_threshold)
        except Exception:
            if not low.runs:
                raise
            # main() ran: what the student's code did with the warnings of every step is the other checks' to judge
        ran = low.runs[0]["threshold"] if low.runs else None
        expect(
            ran is not None and abs(ran - low_threshold) < 1e-9,
            f"with threshold={low_threshold}, main() ran with loop.slow_callback_duration = {ran!r}",
            expected=f"{low_threshold}: the threshold as given, {meaning}",
            fix="Set loop.slow_callback_duration = threshold as it is, whatever its value: no floor, no ceiling."
            + zero,
            at=ex.slow_callbacks,
        )


@check(
    "with the default threshold (0.1 s), a coroutine that blocks for 0.125 s, then 0.305 s, then 0.155 s, gives every"
    " duration debug mode reported, in the order reported; a blocking callback that it schedules counts too"
)
def test_reports_blocking_step(reported: SlowStepSpy):
    # Neither ascending nor descending: a list sorted either way, or cut down to the slowest step, differs from what
    # was reported. The steps are 0.03 s apart or more, far beyond what a busy machine adds to one of them.
    call = "slow_callbacks(main) with main() calling " + ", then ".join(f"time.sleep({d:g})" for d in BLOCKS)
    blocking = Main(*BLOCKS)
    returned = ex.slow_callbacks(blocking.main)
    got = as_durations(returned, call)
    first = list(returned)
    steps = heard(got, reported, blocking)
    expect_only_this_call(got, steps, call)
    run = blocking.runs[0] if blocking.runs else None
    if not reported.durations and run and run["debug"] and run["threshold"] > 0.3:
        fail(
            f"{call} returned {seconds(got)}: debug mode was on, but with loop.slow_callback_duration ="
            f" {run['threshold']!r}, so no step was slow enough to be reported",
            expected=f"debug mode reports the steps of {BLOCKS_SHOWN}, with the threshold of 0.1 s",
            fix="Set `loop.slow_callback_duration = threshold`, the value slow_callbacks receives, in seconds (here"
            " 0.1): no conversion, and no number of your own.",
            at=ex.slow_callbacks,
        )
    if not reported.durations:
        fail(
            f"{call} returned {seconds(got)}, and debug mode reported no slow step at all",
            expected=f"debug mode reports the steps of {BLOCKS_SHOWN}, and slow_callbacks returns their durations",
            fix="Turn debug mode on for the loop that runs main(): loop.set_debug(True), or asyncio.run(..., "
            "debug=True).",
            at=ex.slow_callbacks,
        )
    expect_last_step_heard(got, steps, blocking, call)
    expect_same_as_reported(got, steps, call)
    expect(any(d >= 0.3 - TOLERANCE for d in got), f"{call} returned {seconds(got)}",
           expected="a duration of at least 0.3 s", at=ex.slow_callbacks)  # fmt: skip
    expect_default(ex.slow_callbacks, "threshold", 0.1, "slow_callbacks(main, threshold: float = 0.1)",
                   "without a threshold, every step slower than 0.1 s is reported")  # fmt: skip
    # Debug mode on and the threshold right when main() began, yet a step not timed: the loop decides whether to
    # time a step before it runs it, so debug mode turned on inside a coroutine misses main()'s first step.
    timed = sum(d >= 0.12 - TOLERANCE for d in reported.durations)
    if run and run["debug"] and abs(run["threshold"] - 0.1) < 1e-9 and timed < len(BLOCKS):
        fail(
            f"{call} returned {seconds(got)}: debug mode did not time main()'s first step, time.sleep({BLOCKS[0]:g}),"
            " although it was on, with the threshold of 0.1 s, when main() began",
            expected="all three steps: debug mode on from the loop's very first step",
            fix="The loop decides whether to time a step before it runs it: debug mode turned on inside a coroutine"
            " (loop.set_debug(True) in the coroutine that then awaits main()) misses the step that turned it on, and"
            " main()'s first step is part of that one. Turn it on before the loop runs anything: loop.set_debug(True)"
            " before run_until_complete, or asyncio.run(..., debug=True).",
            at=run["awaited_at"] or ex.slow_callbacks,
        )
    # Every step is over the default threshold whatever the load: a 0.125 s step missing means a different default.
    expect(
        sum(d >= 0.12 - TOLERANCE for d in got) >= len(BLOCKS),
        f"{call} returned {seconds(got)}: the {BLOCKS[0]:g} s step was not reported",
        expected="all three steps: with the default threshold of 0.1 s, debug mode reports each",
        fix="Keep the signature `slow_callbacks(main, threshold: float = 0.1)` and set loop.slow_callback_duration"
        " = threshold.",
        at=ex.slow_callbacks,
    )
    expect_a_list_of_its_own(reported, returned, first, call)
    expect_callbacks_reported(reported)


def expect_last_step_heard(got: list[float], steps: list[float], main: Main, call: str) -> None:
    """Debug mode reports a step when it has ended: main()'s last one, once main() has returned. A handler that the
    coroutine awaiting main() removes (in its `finally:`) is gone by then."""
    run = main.runs[0] if main.runs else None
    if run and run["awaited_at"] and steps and _same(got, steps[:-1]):
        fail(
            f"{call} returned {seconds(got)}, but debug mode reported the slow steps {seconds(steps)}: the last one,"
            f" main()'s last step, time.sleep({main.blocks[-1]:g}), is missing",
            expected=f"{seconds(steps)}: every duration debug mode reported, main()'s last step too",
            fix="Debug mode reports a step once it has ended, so main()'s last step is reported after main() has"
            " returned, and after the coroutine that awaited it has gone on: a handler that coroutine removes is"
            " gone by then. Attach the handler in slow_callbacks before the loop runs, and remove it after"
            " run_until_complete (or asyncio.run) has returned.",
            at=run["awaited_at"],
        )


CALLBACK_BLOCK = 0.205
"""A half hundredth off the hundredths, as `BLOCKS`."""


def expect_callbacks_reported(reported: SlowStepSpy) -> None:
    """A plain callback's slow step counts as much as a task's: debug mode reports it as `Executing <Handle ...>
    took ...`, which a filter copied from the docstring's `<Task ...>` example drops."""
    call = f"slow_callbacks(main) with main() scheduling loop.call_soon(time.sleep, {CALLBACK_BLOCK:g})"
    since, callbacks_since = len(reported.durations), len(reported.callbacks)
    main = Main(callback=CALLBACK_BLOCK)
    got = as_durations(ex.slow_callbacks(main.main), call)
    new, callbacks = heard(got, reported, main, since), reported.callbacks[callbacks_since:]
    expect_only_this_call(got, new, call, before=REPORTED_BEFORE + reported.durations[:since])
    tasks_only = [d for d in new if d not in callbacks]
    # An empty list matches "tasks only" whatever dropped the callback's step: then only when the code picks tasks.
    picks_tasks = bool(tasks_only) or _names_tasks(_Source.of(ex))
    if callbacks and picks_tasks and not _same(got, new) and _same(got, tasks_only):
        fail(
            f"{call} returned {seconds(got)}, but debug mode reported the slow steps {seconds(new)}: those left out"
            " are a plain callback's, not a task's",
            expected=f"{seconds(new)}: every step debug mode reported, callbacks' too",
            fix="Debug mode times every callback the loop runs, not only tasks: its warning then reads 'Executing"
            f" <Handle sleep({CALLBACK_BLOCK:g}) ...> took {CALLBACK_BLOCK:.3f} seconds'. Keep every 'Executing ..."
            " took' warning, whatever the step is (record.args[-1] is its duration).",
            at=ex.slow_callbacks,
        )
    expect_same_as_reported(got, new, call)


def _names_tasks(source: _Source | None) -> bool:
    """Whether the student's module, docstrings aside (the stub's shows a `<Task ...>` warning), names tasks: a string
    with "Task" in it (a pattern, a prefix), or `Task` itself."""
    if source is None:
        return False
    tree = source.tree
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return any(
        (isinstance(node, ast.Constant) and isinstance(node.value, str) and "Task" in node.value
         and id(node) not in docstrings)
        or (isinstance(node, ast.Name) and node.id == "Task")
        or (isinstance(node, ast.Attribute) and node.attr == "Task")
        for node in ast.walk(tree)
    )  # fmt: skip


def expect_a_list_of_its_own(reported: SlowStepSpy, returned: list, first: list, call: str) -> None:
    """After a second call, the list the first call returned still holds the first call's durations: each call
    returns a list of its own, not one list (a handler's, kept at module level) that every call clears and refills."""
    since = len(reported.durations)
    again_call = "slow_callbacks(main) with main() only awaiting, called next"
    main = Main()
    again = as_durations(ex.slow_callbacks(main.main), again_call)
    new = heard(again, reported, main, since)
    expect_only_this_call(again, new, again_call, before=REPORTED_BEFORE + reported.durations[:since])
    expect(
        list(returned) == first,
        f"after {call} returned {seconds(first)}, a second call of slow_callbacks changed that list to"
        f" {seconds(as_durations(list(returned), call))}",
        expected="each call returns a list of its own, which later calls leave alone",
        fix="Make a new list for every call inside slow_callbacks (and a new handler to fill it): a list or handler"
        " kept at module level and cleared at each call is one list, shared by every caller.",
        at=ex.slow_callbacks,
    )
    expect_same_as_reported(again, new, again_call)


@check("a coroutine that only awaits gives [] (or only what debug mode itself reported)")
def test_awaiting_main_gives_empty_list(reported: SlowStepSpy):
    call = "slow_callbacks(main) with main() awaiting asyncio.sleep(0.12)"
    main = Main(wait=0.12)
    got = as_durations(ex.slow_callbacks(main.main), call)
    steps = heard(got, reported, main)
    expect_only_this_call(got, steps, call)
    expect_same_as_reported(got, steps, call)


SHORT_BLOCKS = (0.015, 0.035, 0.025)
"""Steps far below the default threshold, under a threshold of 0.001 s: however busy the machine, at least one of
them stays under 0.1 s, which a test of the student's own against 0.1 s would drop. Unequal, and neither in
ascending nor in descending order, so that durations sorted either way are out of order whatever the machine's load
(three equal steps measured equal, or not, by chance: a sorted list passed or failed with the load). A half
hundredth off the hundredths, as `BLOCKS`."""


@check(
    "the threshold is honoured: with threshold=0.5 a 0.12 s step is not reported, with threshold=0.001 steps of"
    " 0.015 to 0.035 s are"
)
def test_honours_threshold(reported: SlowStepSpy):
    call = "slow_callbacks(main, threshold=0.5) with main() calling time.sleep(0.12)"
    main = Main(0.12)
    got = as_durations(ex.slow_callbacks(main.main, threshold=0.5), call)
    steps = heard(got, reported, main)
    expect_only_this_call(got, steps, call)
    returned = [d for d in got if d < 0.5 - TOLERANCE]
    too_short = returned or [d for d in reported.durations if d < 0.5 - TOLERANCE]
    if too_short:
        fix, at = threshold_fix()
        fail(
            f"{call} returned a step of {too_short[0]:.3f} s"
            if returned
            else f"{call} returned {seconds(got)}, but debug mode itself reported a step of {too_short[0]:.3f} s: the"
            " loop ran with a threshold below 0.5 s, and only your code left the step out",
            expected="[]: with threshold=0.5 only the steps slower than 0.5 s are reported",
            fix=fix,
            at=at,
        )
    expect_same_as_reported(got, steps, call)
    expect_low_threshold_honoured(reported)


def expect_low_threshold_honoured(reported: SlowStepSpy) -> None:
    """Every step debug mode reports under a threshold far below the default is returned: none is dropped by a test
    of the student's own against 0.1 s."""
    sleeps = ", then ".join(f"time.sleep({d:g})" for d in SHORT_BLOCKS)
    call = f"slow_callbacks(main, threshold=0.001) with main() calling {sleeps}"
    since = len(reported.durations)
    main = Main(*SHORT_BLOCKS)
    got = as_durations(ex.slow_callbacks(main.main, threshold=0.001), call)
    new = heard(got, reported, main, since)
    expect_only_this_call(got, new, call, before=REPORTED_BEFORE + reported.durations[:since])
    expect_last_step_heard(got, new, main, call)
    left_out = [d for d in new if not any(abs(d - g) <= TOLERANCE for g in got)]
    kept = [d for d in new if d not in left_out]
    if left_out and all(d < 0.1 for d in left_out) and _same(got, kept) and (got or _keeps_a_long_step()):
        fail(
            f"{call} returned {seconds(got)}, but debug mode reported the slow steps {seconds(new)}: those left out"
            " are all shorter than 0.1 s",
            expected=f"{seconds(new)}: every step debug mode reported, whatever the threshold",
            fix="Debug mode has applied the threshold already: keep every duration it reports. A test of your own"
            " against 0.1 s (the default threshold) drops the slow steps between the threshold you were given and"
            " 0.1 s.",
            at=ex.slow_callbacks,
        )
    expect_same_as_reported(got, new, call)


def _keeps_a_long_step() -> bool:
    """Whether slow_callbacks, under a threshold of 0.001 s, returns a step of 0.12 s: evidence that its handler hears
    debug mode, so that a list left empty by the short steps is a test of its own against 0.1 s, not a handler that
    hears nothing (another logger, a level above WARNING), which gets that fix instead. Asked only then."""
    try:
        got = ex.slow_callbacks(Main(0.12).main, threshold=0.001)
        return any(isinstance(d, (int, float)) and d >= 0.12 - TOLERANCE for d in got)
    except Exception:  # its other failures are the other checks' to tell
        return False


def restore_fix(changes: list[str]) -> tuple[str, Any]:
    """RESTORE_LOGGER and where to apply it; for a level "restored" from getEffectiveLevel(), which is not the
    logger's own setting, that mistake."""
    effective = CallIn(ex.slow_callbacks, "getEffectiveLevel").found()
    if effective is not None and any("level changed" in change for change in changes):
        return (
            "logger.getEffectiveLevel() is the level the logger acts on, inherited from its parents while its own is"
            " NOTSET; setting that back gives it a level of its own. Save and put back logger.level, its own setting:"
            " `saved = logger.level` before, `logger.setLevel(saved)` in the `finally:` block.",
            effective,
        )
    if any("there before removed" in change for change in changes):
        return (
            "Remove only what you added: logger.removeHandler(your_handler), logger.removeFilter(your_filter)."
            " Clearing the lists (logger.handlers.clear(), logger.filters = []) also removes what other code had put"
            " there before slow_callbacks ran.",
            _list_cleared() or undoing(changes),
        )
    return RESTORE_LOGGER, undoing(changes)


def _list_cleared() -> Location | None:
    """The student's line that empties a logger's list of handlers or filters (`logger.handlers.clear()`,
    `logger.filters = []`), in slow_callbacks or elsewhere in their module."""
    for source in (_Source.of(ex.slow_callbacks), _Source.of(ex)):
        for node in ast.walk(source.tree) if source is not None else ():
            func = node.func if isinstance(node, ast.Call) else None
            targets = node.targets if isinstance(node, ast.Assign) else []
            emptied = [func.value] if isinstance(func, ast.Attribute) and func.attr == "clear" else targets
            if any(isinstance(part, ast.Attribute) and part.attr in ("handlers", "filters") for part in emptied):
                return source.location(node.lineno)
    return None


def undoing(changes: list[str]) -> Any:
    """Where the student's code undoes (or should undo) a change to the logger: the line that removes the handler,
    else the one that adds it; the function itself for other changes."""
    if any("handler" in change for change in changes):
        return CallIn(ex.slow_callbacks, "removeHandler", "addHandler")
    return ex.slow_callbacks


def _there_before(logger: logging.Logger) -> None:
    """A handler and a filter that were there before the student's code ran: they must still be there afterwards
    (`logger.handlers.clear()`, `logger.filters.clear()` in a `finally:` remove them too)."""
    logger.addHandler(logging.NullHandler())
    logger.addFilter(logging.Filter())  # an empty name: it lets every record through


def expect_no_handler_left_on_the_root(before: tuple[logging.Handler, ...], after: str) -> None:
    """The root logger hears every record of the program, asyncio's included: a handler of the student's put there
    (where it hears debug mode's warnings too) and never removed keeps every later record, one more at each call."""
    left = [handler for handler in logging.getLogger().handlers if handler not in before]
    expect(
        not left,
        f"after {after}, your handler stayed on the root logger ({', '.join(type(h).__name__ for h in left)}):"
        " every later log record of the program goes to it",
        expected="the root logger's handlers as they were before the call",
        fix="Remove your handler in a `finally:` block, from the logger you added it to:"
        " logging.getLogger().removeHandler(your_handler).",
        at=CallIn(ex.slow_callbacks, "removeHandler", "addHandler"),
    )


@check("slow_callbacks leaves the asyncio logger as it found it: handlers, level, propagation")
def test_leaves_logger_as_found():
    logger = logging.getLogger("asyncio")
    _there_before(logger)
    for propagate in (True, False):  # False too, so that "as found" cannot be met by setting True back by habit
        logger.propagate = propagate
        before, root_handlers = LoggerState.of(logger), tuple(logging.getLogger().handlers)
        ex.slow_callbacks(Main().main)
        changes = before.differences(LoggerState.of(logger))
        fix, at = restore_fix(changes)
        expect(not changes, "after slow_callbacks returned, the 'asyncio' logger had changed: " + "; ".join(changes),
               expected="the logger exactly as it was before the call", fix=fix, at=at)  # fmt: skip
        expect_no_handler_left_on_the_root(root_handlers, "slow_callbacks returned")


@check(
    "when main() raises, the exception comes out unchanged, and the loop and logger are cleaned up, also when main()"
    " ends cancelled"
)
def test_cleans_up_when_main_raises():
    logger = logging.getLogger("asyncio")
    _there_before(logger)
    before, root_handlers = LoggerState.of(logger), tuple(logging.getLogger().handlers)
    error = Boom("raised by main()")
    main = Main(error=error)
    try:
        ex.slow_callbacks(main.main)
    except Boom as raised:
        expect(raised is error, f"slow_callbacks raised another Boom, {raised!r}", expected="main()'s own exception",
               fix="Let the exception through: no `except` that raises a new one.",
               at=where(raised) or ex.slow_callbacks)  # fmt: skip
    except NotImplementedError:
        raise
    except Exception as raised:
        if not follows_from(raised, error):
            raise  # slow_callbacks failed on its own, as in the other checks: explained as any error of theirs is
        fail(f"slow_callbacks raised {type(raised).__name__}: {raised}", expected=f"main()'s own {error!r}",
             fix="Let main()'s exception through unchanged.", at=where(raised) or ex.slow_callbacks)  # fmt: skip
    else:
        returns = return_in_finally(ex.slow_callbacks)
        caught = catching_handler(ex.slow_callbacks, error)
        fail("slow_callbacks returned although main() raised", expected=f"main()'s own {error!r}",
             fix=RETURN_IN_FINALLY if returns else "Do not catch the exception: `try`/`finally` cleans up and lets it"
             " through.", at=returns or caught or ex.slow_callbacks)  # fmt: skip
    changes = before.differences(LoggerState.of(logger))
    fix, at = restore_fix(changes)
    expect(not changes, "after main() raised, the 'asyncio' logger had changed: " + "; ".join(changes),
           expected="the logger exactly as it was before the call", fix=fix, at=at)  # fmt: skip
    expect_no_handler_left_on_the_root(root_handlers, "main() raised")
    expect(main.loop is not None and main.loop.is_closed(), "after main() raised, its loop was still open",
           expected="slow_callbacks closes its loop, also when main() raises", fix="Call loop.close() in a `finally:`"
           " block.", at=CallIn(ex.slow_callbacks, ("close", "new_event_loop"), "new_event_loop"))  # fmt: skip
    expect_cleaned_up_when_cancelled(logger)


def expect_cleaned_up_when_cancelled(logger: logging.Logger) -> None:
    """The same clean-up when main() ends cancelled: CancelledError is a BaseException (as a Ctrl-C's
    KeyboardInterrupt is), which an `except Exception:` that cleans up lets by."""
    before = LoggerState.of(logger)
    main = Main(error=asyncio.CancelledError("cancelled by the check"))
    try:
        ex.slow_callbacks(main.main)
    except asyncio.CancelledError:
        pass
    except Exception as raised:
        if not follows_from(raised, main.error):
            raise
        fail(f"when main() ended cancelled, slow_callbacks raised {type(raised).__name__}: {raised}",
             expected="asyncio.CancelledError, as run_until_complete raises it", at=ex.slow_callbacks)  # fmt: skip
    else:
        returns = return_in_finally(ex.slow_callbacks)
        fail("slow_callbacks returned although main() ended cancelled", expected="asyncio.CancelledError",
             fix=RETURN_IN_FINALLY if returns else "Let every exception through; clean up in a `finally:` block.",
             at=returns or catching_handler(ex.slow_callbacks, main.error) or ex.slow_callbacks)  # fmt: skip
    changes = before.differences(LoggerState.of(logger))
    base_exception = (
        "Clean up in a `finally:` block: `except Exception:` misses asyncio.CancelledError and KeyboardInterrupt,"
        " which are BaseExceptions."
    )
    expect(not changes, "after main() ended cancelled, the 'asyncio' logger had changed: " + "; ".join(changes),
           expected="the logger exactly as it was before the call", fix=base_exception,
           at=undoing(changes))  # fmt: skip
    expect(main.loop is not None and main.loop.is_closed(), "after main() ended cancelled, its loop was still open",
           expected="slow_callbacks closes its loop however main() ends", fix=base_exception,
           at=CallIn(ex.slow_callbacks, ("close", "new_event_loop"), "new_event_loop"))  # fmt: skip
