"""What an `async_timed` wrapper printed, read and judged: the Starting and Finished lines of exercise 03.

The suite calls the student's decorated functions; this module reads their output and, when a total is wrong, tells
why in the terms of the mistake that makes it (a clock read once, a plain `def` wrapper, a rounded or negative total).
Every failure points at `at`, the student's wrapper (the suite knows where it is).
"""

from __future__ import annotations

import calendar
import contextlib
import inspect
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from grader.suites.decorated_calls import printing_at, wrapper_at
from grader.testing import expect, fail

BODY_LINES = ("downloading", "hello from the body")
"""What the suite's own bodies print (`download`, `greet`): kept when a long output is cut short, since the order
around them matters."""
FINISHED = re.compile(
    r"^(?P<word>finished) (?P<func>.+) in (?P<total>\S+?)(?P<unit>\s*(?:s|secs?|seconds?|second\(s\))?)$", re.IGNORECASE
)
"""A Finished line, also with the unit misspelt ('seconds', '2.5s') or missing: only the format check fails it."""
UNIT = " second(s)"
FINALLY = (
    "Print the Finished line in the `finally:` block of a `try:` around `await func(*args, **kwargs)`: it runs"
    " whether the body returned, raised or was cancelled."
)
CLOCK_FIX = (
    "Read time.perf_counter() (or time.time()) inside the wrapper, once just before awaiting func and once after,"
    " and print the difference."
)
CALLED_FIX = (
    "The total counts from when the decorated function was called, not from when the call was awaited: read the"
    " start time in the body of an `async def` wrapper, which runs only when the call is awaited. A plain `def`"
    " wrapper runs as soon as it is called, also when it is marked with inspect.markcoroutinefunction and returns a"
    " coroutine, which may be awaited much later."
)
DECORATION_FIX = (
    "The total counts from when @async_timed() was applied, not from the call: read the start time inside the wrapper,"
    " `start = time.perf_counter()` as its first line, so that each call has its own."
)
ONE_FINISHED_LINE = (
    "Print Finished in one place only, the `finally:` block around `await func(*args, **kwargs)`: it runs once"
    " however the call ends, so a print in an `except:` block or after the `try` as well prints the line twice."
)
SIGN_FIX = "The time is right but negative: the total is the end minus the start, `time.perf_counter() - start`."
ONE_CLOCK_FIX = (
    "Read the same clock at the start and at the end, time.perf_counter() both times for example: time.time() counts"
    " from 1970 and time.perf_counter() or time.monotonic() from an arbitrary point, so the difference of two"
    " different clocks is no duration."
)

UNREACHED_CLOCK_FIX = (
    "That total is no duration: its start and end come from two different clocks. Read both from the `time` module"
    " as the call runs, `time.perf_counter()` before and after awaiting func: the checks run `time` on a clock of"
    " their own, and a clock function saved before the call (a default argument, a dataclass `default_factory`, a"
    " class attribute) keeps the machine's."
)
REAL_CLOCKS = {
    clock: f"time.{clock.__name__}"
    for clock in (time.time, time.perf_counter, time.monotonic, time.time_ns, time.perf_counter_ns, time.monotonic_ns)
}
"""The `time` module's clocks as they are before any check freezes them: one of these saved in the student's code
(as the suites decorate before they freeze the clock) is a clock the grader cannot move."""
FROZEN_AT = "2024-01-01 12:00:00"
"""Where the suite freezes the clock (UTC, as freezegun reads a naive time)."""
FROZEN_EPOCH = calendar.timegm(time.strptime(FROZEN_AT, "%Y-%m-%d %H:%M:%S"))


def unreached_clock(number: float | None) -> bool:
    """Whether a total read under the frozen clock is the gap between that clock and the real one, not a reading of
    the frozen clock itself (a total printed as `end`, not `end - start`, which CLOCK_FIX names). Only a clock
    function captured before the call, which freezegun cannot patch, mixes the two (the real-clock call catches a mix
    of time.time() and perf_counter()).

    A reading of the frozen clock is its epoch plus the seconds a check ticked it: never below the epoch, never hours
    past it. A start read from the real perf_counter counts from boot, so the mix is the epoch plus those ticks minus
    the machine's uptime, below the epoch however recently the machine booted (a nearness test such as "within a few
    hours of the epoch" took a freshly booted CI machine's mix for a frozen reading)."""
    if number is None or abs(number) <= 1e5:
        return False
    return not 0 <= number - FROZEN_EPOCH <= 1e4


PLACEHOLDER = re.compile(r"\{[A-Za-z_][^{}'\"]*\}")
"""`{func}` or `{total:.4f}` printed as such: a name in braces, which no repr of the checks' arguments contains (a
dict's keys are quoted, `{'url': ...}`)."""


def expect_formatted(line: str, happened: str, at: Any) -> None:
    """Fail when `line` shows a placeholder as written, `{func}` say: the string lacks its f prefix, and every
    other question about the line (which function, what total) would only mislead."""
    placeholder = PLACEHOLDER.search(line)
    if placeholder is None:
        return
    fail(
        f"{happened}: {placeholder[0]} is printed as written, not replaced by its value",
        expected="the values in the line: 'Starting <function ...> with args (...) {...}', 'Finished <function ...>"
        " in 2.5000 second(s)'",
        fix=f"Put an f in front of the string, f{line!r}: only an f-string replaces the names in braces by their"
        " values.",
        at=at,
    )


class LoggedLines(logging.Handler):
    """The messages the student's code logs during a check. With no handler set up, logging writes them to standard
    error (its last-resort handler), so the student sees them in the terminal; under pytest, whose own handlers sit
    on the root logger, they reach no stream at all, and only this handler sees them."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a message that cannot be formatted is not a line of output
            self._lines.extend(line.rstrip() for line in record.getMessage().splitlines())

    def take(self) -> list[str]:
        """The lines logged since the last take."""
        lines, self._lines = self._lines, []
        return lines


LOGGED = LoggedLines()


@contextlib.contextmanager
def logged_lines_kept() -> Iterator[None]:
    """Keep what is logged during a check in LOGGED, for `printed` to tell a line logged from a line missing."""
    root = logging.getLogger()
    LOGGED.take()
    root.addHandler(LOGGED)
    try:
        yield
    finally:
        root.removeHandler(LOGGED)
        LOGGED.take()


def printed(capsys: Any, judged: str = "Finished") -> list[str]:
    """The lines printed to standard output since the last read: where the checks look for the Starting and
    Finished lines. The line the check `judged` ("Starting" or "Finished") written to standard error instead, with
    none on standard output, fails the check here, the one place every check reads the output through: the line is
    there, only not where print() puts it, and "no Starting line" or "print Finished in a finally block" would send
    the student after a mistake they did not make."""
    captured = capsys.readouterr()
    lines = [line.rstrip() for line in captured.out.splitlines()]
    logged = LOGGED.take()
    if any(line.lower().startswith(judged.lower()) for line in lines):
        return lines
    for how, written in (("print(..., file=sys.stderr)", captured.err.splitlines()), ("logging", logged)):
        line = next((line.rstrip() for line in written if line.lower().startswith(judged.lower())), None)
        if line is not None:
            fail(
                f"your {judged} line went to standard error, written with {how}: {line!r}",
                expected=f"the {judged} line on standard output, where the checks read it",
                fix="Write the Starting and Finished lines with plain print(f'...'), which writes to standard output:"
                " logging (log.warning, logging.info) and print(..., file=sys.stderr) write to standard error, which"
                " the checks do not read.",
                at=printing_at(judged),
            )
    return lines


def show(lines: list[str], most: int = 8) -> str:
    """The printed lines as one line of text, each quoted, in order ("'a', then 'b'"). A long output is cut to the
    lines that look like Starting or Finished lines and the bodies' own lines (else its last lines), so the
    student's own prints do not crowd them out."""
    if not lines:
        return "nothing"
    if len(lines) <= most:
        return ", then ".join(map(repr, lines))
    relevant = [line for line in lines if line.lower().startswith(("starting", "finished")) or line in BODY_LINES]
    kept = relevant[:most] if relevant else lines[-3:]
    return ", then ".join(map(repr, kept)) + f" (and {len(lines) - len(kept)} other lines)"


def starting_line(func: Any, args: tuple, kwargs: dict) -> str:
    return f"Starting {func} with args {args} {kwargs}"


def first_starting_line(lines: list[str]) -> str | None:
    """The first line that begins like a Starting line, whatever its case: the student's attempt at it."""
    return next((line for line in lines if line.lower().startswith("starting")), None)


def expect_capital_s(first: str | None, expected: str, happened: str, at: Any) -> None:
    """Fail with the case hint when `first` is the expected Starting line but for its lower-case 's', as the Finished
    line's check does for 'finished': the generic message would leave the student comparing the two by eye."""
    if first is not None and first != expected and "S" + first[1:] == expected:
        fail(
            happened,
            expected=f"the line to start with a capital S: {expected!r}",
            fix="Spell it 'Starting', with a capital S, as the lesson's printed output shows it.",
            at=at,
        )


def finished_lines(lines: list[str], func: Any, *, at: Any, strict: bool = False) -> list[tuple[int, str]]:
    """(index, total as printed) of every line that looks like a Finished line, whatever its case.

    Only the check about the line's format (`strict`) fails a lower-case 'finished', another unit than 'second(s)'
    or the function named otherwise than as print shows it: the checks about the time taken read the total from it
    all the same, so that one slip costs one check."""
    found = []
    for index, line in enumerate(lines):
        match = FINISHED.match(line)
        if match:
            expect_formatted(line, f"your code printed {line!r}", at)
            expect(
                match["word"] == "Finished" or not strict,
                f"your code printed {line!r}",
                expected=f"the line to start with a capital F: 'Finished {func} in ...'",
                fix="The lesson's decorator code prints 'finished' in lower case; its output, and the exercise, say"
                " 'Finished'.",
                at=at,
            )
            expect(
                match["unit"] == UNIT or not strict,
                f"your code printed {line!r}",
                expected=f"the total followed by ' second(s)', exactly: 'Finished {func} in 2.5000 second(s)'",
                fix="Print the unit as the exercise shows it: f'... in {total:.4f} second(s)'.",
                at=at,
            )
            # functools.wraps gives the wrapper the body's name: printed, only its address tells it apart.
            namesake = match["func"].startswith(f"<function {getattr(func, '__name__', '')} at ")
            expect(
                match["func"] == str(func) or not strict,
                f"your code printed {line!r}"
                + (": a function of the same name at another address, your wrapper" if namesake else ""),
                expected=f"'Finished {func} in ...' printed from `func`, the original function, not from your wrapper"
                if namesake
                else f"the original function as print shows it: 'Finished {func} in ...'",
                fix="Print `func`, the function the decorator received, not its name and not your wrapper.",
                at=at,
            )
            found.append((index, match["total"]))
    return found


def as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


UNITS = {1e3: ("milliseconds", "1000"), 1e6: ("microseconds", "a million"), 1e9: ("nanoseconds", "a billion")}
"""A total that is the right one times one of these factors was measured in the unit named, or scaled to it."""


def unit_fix(number: float | None, total: str) -> str | None:
    """The fix when `number` is the right `total` in milliseconds, microseconds or nanoseconds (a `_ns` clock not
    divided, or seconds multiplied by 1000); None otherwise."""
    seconds = float(total)
    if number is None or seconds <= 0:
        return None
    for factor, (unit, times) in UNITS.items():
        if abs(number / seconds - factor) <= factor * 1e-3:
            how = (
                "a `_ns` clock such as time.perf_counter_ns() counts nanoseconds: divide its difference by 1e9, or"
                " read time.perf_counter() instead"
                if unit == "nanoseconds"
                else "print the difference of two time.perf_counter() readings as it is, without scaling it"
            )
            return f"The total is in {unit}, {times} times the seconds it should show: {how}."
    return None


def format_fix(got: str, total: str) -> str | None:
    """The fix when `got` is the right total printed with another number of decimals than `total` (which has four),
    e.g. '2.50' for '2.5000'; None when the number itself is wrong."""
    number = as_number(got)
    decimals = len(got.partition(".")[2])
    if number is None or decimals == 4 or abs(number - round(float(total), decimals)) > 1e-9:
        return None
    return (
        f"The time is right, but printed as {got}: format the total with four decimals, f'{{total:.4f}}' gives {total}."
    )


def saved_clock(decorated: Any) -> str | None:
    """Where the student's wrapper keeps a clock function saved before the call, named for a sentence ("`clock`, a
    variable of the decorator"), or None: a default argument or a variable of the enclosing decorator, set when
    decorating, which freezegun cannot patch (it patches the `time` module and names in modules only)."""
    wrapper = inspect.unwrap(decorated, stop=lambda func: getattr(func, "__code__", None) is not None)
    code = getattr(wrapper, "__code__", None)
    if code is None:
        return None
    for name, cell in zip(code.co_freevars, getattr(wrapper, "__closure__", None) or (), strict=False):
        try:
            value = cell.cell_contents
        except ValueError:  # a cell not yet set
            continue
        if _is_real_clock(value):
            return f"`{name}`, a variable of the decorator that holds {REAL_CLOCKS[value]}"
    positional = reversed(code.co_varnames[: code.co_argcount])  # the defaults belong to the last ones
    defaults = dict(zip(positional, reversed(wrapper.__defaults__ or ()), strict=False))
    for name, value in {**defaults, **(wrapper.__kwdefaults__ or {})}.items():
        if _is_real_clock(value):
            return f"`{name}={REAL_CLOCKS[value]}`, a default argument of the wrapper"
    return None


def _is_real_clock(value: Any) -> bool:
    try:
        return value in REAL_CLOCKS
    except TypeError:  # unhashable
        return False


def saved_clock_fix(saved: str) -> str:
    return (
        f"Your wrapper reads the clock through {saved}, saved when decorating: that function is the real clock, which"
        " the grader cannot move. Call the `time` module's clock itself as each call runs, `time.perf_counter()`"
        " before and after awaiting func."
    )


def zero_total_fix(decorated: Any) -> str:
    """The fix for a total near 0 s although the body took seconds: what makes a clock miss the time passing."""
    if not inspect.iscoroutinefunction(decorated):
        return (
            "Your wrapper is a plain `def`: it returns the coroutine func(*args, **kwargs) without awaiting it, so it"
            " reads the clock and prints Finished before the body has even started. Make it"
            " `async def wrapped(*args, **kwargs):` and `await func(*args, **kwargs)` between reading the start time"
            " and printing Finished."
        )
    return (
        "A total near 0 means your clock missed the time passing. Read the `time` module's own clock as each call"
        " runs, time.perf_counter() (or time.time(), time.monotonic()) before and after awaiting func: the grader"
        " moves those. time.process_time counts CPU time only; time.clock_gettime and loop.time() are out of the"
        " grader's reach."
    )


def expect_total(
    lines: list[str],
    func: Any,
    total: str,
    what: str,
    *,
    decorated: Any,
    at: Any,
    after: str | None = None,
    strict: bool = False,
    since_decorated: str | None = None,
    since_called: str | None = None,
    missing: tuple[str, Any] = (FINALLY, None),
) -> None:
    """The output has exactly one Finished line for `func`, with `total`, printed after the line `after`;
    `decorated` is the student's wrapper, to tell why a total is wrong, `since_decorated` the total of a wrapper
    that reads its start time when decorating and `since_called` that of one that reads it when called rather than
    when awaited; `missing` the fix, and where it goes (None: `at`), for no such line.
    A slip in how the line is written is pointed at the wrapper's line that prints it."""
    line_at = wrapper_at(decorated, printing="Finished")
    found = finished_lines(lines, func, strict=strict, at=line_at)
    expected = f"Finished {func} in {total} second(s)"
    if not found:
        fail(
            f"{what}, your code printed {show(lines)}",
            expected=f"a last line {expected!r}",
            fix=missing[0],
            at=missing[1] or at,
        )
    expect(len(found) == 1, f"{what}, your code printed {len(found)} Finished lines: {show(lines)}",
           expected="exactly one Finished line per call", fix=ONE_FINISHED_LINE, at=at)  # fmt: skip
    index, got = found[0]
    if after is not None and after in lines:
        expect(
            index > lines.index(after),
            f"{what}, your code printed the Finished line before the body had run: {show(lines)}",
            expected="Finished only after the body is done",
            fix="Make the wrapper an `async def` that awaits func before it prints Finished.",
            at=at,
        )
    if got != total:
        number, pointed = as_number(got), at
        if (saved := saved_clock(decorated)) is not None:  # whatever it measured: the real clock, never the grader's
            hint = saved_clock_fix(saved)
        elif number is not None and abs(number) < 0.01:
            hint = zero_total_fix(decorated)
        elif (reformat := format_fix(got, total)) is not None:
            hint, pointed = reformat, line_at
        elif got == f"-{total}":
            hint = SIGN_FIX
        elif got == since_decorated:
            hint = DECORATION_FIX
        elif got == since_called:
            hint = CALLED_FIX
        elif got in (f"{round(float(total), digits):.4f}" for digits in (1, 2, 3)):
            pointed = line_at
            hint = (
                "Print the total as measured, f'{total:.4f}': rounding it first (round(total, 2)) drops digits that"
                " the :.4f format would show."
            )
        elif (unit := unit_fix(number, total)) is not None:
            hint, pointed = unit, line_at
        elif unreached_clock(number):
            hint = UNREACHED_CLOCK_FIX
        else:
            hint = CLOCK_FIX
        fail(f"{what}, your code printed {lines[index]!r}", expected=expected, fix=hint, at=pointed)
