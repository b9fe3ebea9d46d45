"""Turn what went wrong inside a check into words for the student, pointing into their own file.

Runs inside the suite's pytest process. Whatever the student's code raised, the student sees one sentence
about what happened, where in their file, and what to do; never the grader's traceback.
"""

from __future__ import annotations

import errno
import functools
import inspect
import linecache
import logging
import os
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePath
from types import FrameType, FunctionType, ModuleType, TracebackType

from pytest_socket import SocketBlockedError

from grader.asyncio_mistakes import asyncio_fix, newer_asyncio_import, newer_syntax, newer_use
from grader.asyncio_mistakes.newer_python import newer_than_this_python
from grader.interactive import INPUT_FIX, called_input, input_fix, input_message
from grader.messages import clip, plain_reprs, timeout_fix
from grader.model import NOT_IMPLEMENTED, Location, Outcome, Status
from grader.pristine import stub_plain_functions, stub_pointers
from grader.run_processes import PROCESS_LIMIT
from grader.student_code import student_file, student_frame, student_location, student_location_made
from grader.suggestions import did_you_mean
from grader.testing import CheckFailure, found_in, where


@dataclass
class Verdict:
    status: Status
    message: str
    expected: str | None = None
    fix: str | None = None
    location: Location | None = None
    cause: str | None = None
    """The mistake the verdict tells, when the grader diagnoses it for every check (`ASYNC_DEF`); not sent."""

    def to_event(self) -> dict:
        return {
            "status": self.status.value,
            "message": self.message,
            "expected": self.expected,
            "fix": self.fix,
            "location": self.location.__dict__ if self.location else None,
        }


def _short(exc: BaseException, limit: int = 300) -> str:
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    # The first line only, split at newlines alone: str.splitlines() also splits at a carriage return, and a
    # message "first part\rSECOND" lost its second part. Control characters are shown as escapes when rendered.
    text = text.strip().split("\n")[0].rstrip() or type(exc).__name__
    # asyncio's reprs of tasks and futures shortened first: clipped first, "Task <Task pending name=... coro=<...>>
    # got Future ... attached to a different loop" would lose its last words, the ones that say what went wrong.
    if _handed_work(exc):
        text = text.replace("'functools.partial' object", "'function' object")
    text = clip(work_as_handed(plain_reprs(text)), limit)
    if isinstance(exc, BlockingIOError) and exc.errno == errno.EAGAIN:  # what fork() says at the process limit
        text += f" (probably too many processes: the grader allows {PROCESS_LIMIT}; a few pool workers are enough)"
    return text


def work_as_handed(text: str) -> str:
    """`text` with the grader's work functions (`grader.probes.work`, which exercise 04's checks hand to
    `run_cpu_bound` as `work`) called `work`, and their Record called what work(n) returned: "where() takes 1
    positional argument" names nothing the student wrote or knows. Only where that module is in use: another
    exercise's function may bear one of those names."""
    probes = sys.modules.get("grader.probes.work")
    functions = vars(probes).items() if probes is not None else ()
    names = [n for n, f in functions if inspect.isfunction(f) and f.__module__ == "grader.probes.work"]
    if not names:
        return text
    text = re.sub(rf"\b(?:{'|'.join(map(re.escape, names))})\(\)", "work()", text)
    # Some checks hand a functools.partial of one (burn with its clock, say), which the student knows as `work`.
    partial = rf"functools\.partial\(<function (?:{'|'.join(map(re.escape, names))})(?: at 0x[0-9a-fA-F]+)?>"
    text = re.sub(partial + r"(?:, [^()]*(?:\([^()]*\))?)*\)", "work", text)  # its arguments: one level of (...)
    # More than one argument lands on a parameter the partial binds by keyword: the student's `work` has one, n.
    bound = {p for n, f in functions if n in names for p in inspect.signature(f).parameters if p != "n"}
    text = re.sub(
        rf"\bwork\(\) got multiple values for argument '(?:{'|'.join(map(re.escape, sorted(bound)))})'",
        "work() takes 1 positional argument, n, but more were given",
        text,
    )
    return text.replace("'Record' object", "what work(n) returned")  # the type those functions return


def _handed_work(exc: BaseException) -> bool:
    """Whether `exc` is an AttributeError of the functools.partial of the grader's work that a check handed over
    (`'functools.partial' object has no attribute 'submit'`, when `work` went where the pool belongs): to the
    student it is a function, as cpu_bound_work is. A partial of their own is theirs, and keeps its name."""
    handed = getattr(exc, "obj", None) if isinstance(exc, AttributeError) else None  # the object, from 3.10 on
    return isinstance(handed, functools.partial) and getattr(handed.func, "__module__", None) == "grader.probes.work"


def explain_timeout(frame: FrameType | None, root: str, time_limit: float) -> Verdict:
    """The verdict for a check still running after `time_limit` seconds; `frame` is where it was."""
    where = student_frame(frame, root)
    line = linecache.getline(os.path.join(root, where.file), where.line) if where is not None else ""
    # `where` travels as the verdict's location, which every format shows ("at: ..."): not in the message too.
    happened = f"the check did not finish within {time_limit:g} s"
    return Verdict(Status.TIMEOUT, happened, fix=timeout_fix(line), location=where)


UNEXPLAINED = "(the grader could not say more)"
"""Ends the message of a check whose exception the grader failed to explain: the student's exception could not be
printed, or the grader has a bug. The kit's tests fail on it for every wrong solution, so a bug shows there."""


def explain_failure(exc: BaseException, tb: TracebackType | None, root: str) -> Verdict:
    """The verdict for a check whose test raised `exc`."""
    where = student_location(tb, root)
    # A probe may fail the check from inside the student's code (a process pool refused, say), and a TaskGroup
    # wraps that in an ExceptionGroup: the failure's own words are still the ones to show.
    if (inner := found_in(exc, CheckFailure)) is not None and inner is not exc:
        exc, where = inner, student_location(inner.__traceback__, root) or where
    if isinstance(exc, CheckFailure):
        return Verdict(Status.FAILED, exc.happened, exc.expected, exc.fix, exc.location or where, exc.cause)
    grouped = ""
    if (leaf := _only_leaf(exc)) is not None:  # a TaskGroup's one error: that error, where it was raised, speaks
        exc, grouped = leaf, " (inside an ExceptionGroup, as a TaskGroup raises errors)"
        where = student_location(leaf.__traceback__, root) or where
    if isinstance(exc, NotImplementedError) and where is not None:
        return _not_implemented(str(exc), where)
    if isinstance(exc, SystemExit):
        return Verdict(
            Status.FAILED,
            f"your code called sys.exit({exc.code!r}), which would stop the whole program",
            fix="Return a value or raise an exception instead of exiting.",
            location=where,
        )
    if where is not None:
        line = linecache.getline(os.path.join(root, where.file), where.line)
        happened = f"{_raiser(where)} raised {_short(exc)}{_misspelt(exc)}{grouped}"
        if called_input(exc, line):
            happened = input_message(where)
        fix = asyncio_fix(exc) or newer_use(exc, line) or missing_import(exc) or input_fix(exc, line)
        fix = fix or python_slip(exc, line)
        return Verdict(Status.FAILED, happened, fix=fix, location=_where_the_list_was_made(exc, root) or where)
    if (mismatch := _not_as_the_stub_says(exc)) is not None:
        return mismatch
    if isinstance(exc, AssertionError) and str(exc):
        return Verdict(Status.FAILED, str(exc).split("\nassert ")[0].strip())
    return Verdict(Status.FAILED, f"the check stopped with {_short(exc)}", fix=asyncio_fix(exc))


_LIST_FOR_AN_ADDRESS = re.compile(r'No connection adapters were found for "(?P<text>\[.*\])"')


def _where_the_list_was_made(exc: BaseException, root: str) -> Location | None:
    """For requests handed a list holding the URL (`run_in_executor(None, get_status, [url])`): the student's line
    that put the URL in the list, not get_status's `requests.get(url)`, which only passed on what it was given and
    is the stub's. The message still names get_status as what raised."""
    said = _LIST_FOR_AN_ADDRESS.search(str(exc)) if isinstance(exc, ValueError) else None
    if said is None:
        return None
    return student_location_made(
        exc.__traceback__, root, lambda value: type(value) is list and str(value) == said["text"]
    )


def _misspelt(exc: BaseException) -> str:
    """Python's "Did you mean" for `exc`, but not for a name of a later Python (asyncio.Runner on 3.10), which is
    no misspelling whatever is near it in this one: its fix says so."""
    later = isinstance(exc, AttributeError) and newer_than_this_python(exc) is not None
    return "" if later else did_you_mean(exc)


_ANONYMOUS = {
    "<listcomp>": "a list comprehension",
    "<genexpr>": "a generator expression",
    "<dictcomp>": "a dict comprehension",
    "<setcomp>": "a set comprehension",
    "<lambda>": "a lambda",
}


def _raiser(where: Location) -> str:
    """What raised, as the student wrote it: `make_request()`, or "a list comprehension" (Python < 3.12 gives
    comprehensions a frame of their own, named `<listcomp>`)."""
    return _ANONYMOUS.get(where.function or "", f"{where.function}()")


def _only_leaf(exc: BaseException) -> BaseException | None:
    """The one exception inside an exception group (nested groups included) that holds only one, else None."""
    inner = getattr(exc, "exceptions", None)
    if not isinstance(inner, tuple) or len(inner) != 1 or not isinstance(inner[0], BaseException):
        return None
    return _only_leaf(inner[0]) or inner[0]


_MODULES = {
    "asyncio": "asyncio", "time": "time", "inspect": "inspect", "logging": "logging", "functools": "functools",
    "threading": "threading", "requests": "requests", "aiohttp": "aiohttp",
    "concurrent": "concurrent.futures", "collections": "collections.abc",
}  # fmt: skip
"""What the exercises' code uses by name, and what to import for it: a NameError for one is a missing import."""


def missing_import(exc: BaseException) -> str | None:
    """The fix for a module used without its import (a NameError of `asyncio`, say), else None."""
    name = getattr(exc, "name", None) if isinstance(exc, NameError) else None
    return f"Import {name} at the top of your file: `import {_MODULES[name]}`." if name in _MODULES else None


_FUNCTION_KINDS = ("'function'", "'builtin_function_or_method'", "'method'")
_UNCALLED = re.compile(r"\b(?P<name>[A-Za-z_][\w.]*)\b(?!\s*[(.\w])")


def python_slip(exc: BaseException, line: str) -> str | None:
    """The fix for a plain Python slip that `exc`, raised at the student's `line`, betrays, else None: a clock
    function used as a number (`time.perf_counter - start`), a timedelta formatted as a float, the first of a log
    record's arguments taken for debug mode's duration."""
    said = str(exc)
    if (fix := handler_not_set_up(exc) or own_call_unlike_its_definition(exc, line)) is not None:
        return fix
    if (
        isinstance(exc, (TypeError, ValueError))
        and ".args[0]" in line.replace(" ", "")
        and "str" in said
        and _reads_a_log_record(exc)
    ):
        # Debug mode logs "Executing %s took %.3f seconds" % (step, duration): the step's repr, a str, comes first.
        return (
            'Debug mode\'s warning is logged as "Executing %s took %.3f seconds" with record.args = (the step, its'
            " duration): the step, a string, comes first, so the duration is record.args[-1], a float already."
        )
    if not isinstance(exc, TypeError):
        return None
    if said.startswith("unsupported operand type(s)") and any(kind in said for kind in _FUNCTION_KINDS):
        clocks = [m["name"] for m in _UNCALLED.finditer(line) if m["name"].split(".")[-1] in _CLOCKS]
        if not clocks:
            return (
                "A function was used as a number: a clock is read by calling it, `start = time.perf_counter()` (with"
                " the parentheses), once at the start and once at the end."
            )
        return (
            f"{clocks[0]} is a function, not a time: call it, `{clocks[0]}()`, to read the clock (once at the start"
            " and once at the end)."
        )
    if "passed to datetime.timedelta.__format__" in said:
        return (
            "The difference of two datetimes is a timedelta, which no :.4f formats: print `total.total_seconds()`,"
            " or read time.perf_counter() at the start and the end, as the docstring says."
        )
    return None


def own_call_unlike_its_definition(exc: BaseException, line: str) -> str | None:
    """The fix for the student's own call of one of their exercise's functions with arguments unlike its
    parameters: `map(fetch_status, urls)` gives fetch_status the url alone, and Python's "missing 1 required
    positional argument: 'url'" does not say how the call should look."""
    match = _CALL_MISMATCH.match(str(exc)) if isinstance(exc, TypeError) else None
    func = _exercise_function(match["name"]) if match else None
    if func is None:
        return None
    stars = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}
    params = ", ".join(stars.get(p.kind, "") + p.name for p in inspect.signature(func).parameters.values())
    name = func.__name__
    fix = f"Your code calls {name}() with arguments unlike its parameters: call it as `{name}({params})`."
    if mapped := re.search(rf"\bmap\(\s*{re.escape(name)}\s*,\s*(?P<items>[\w.]+)\s*\)", line):
        item = params.split(", ")[-1].lstrip("*")
        fix += (
            f" map({name}, {mapped['items']}) passes each item alone and nothing else: write the call out instead,"
            f" `({name}({params}) for {item} in {mapped['items']})`."
        )
    return fix


_HANDLER_ATTRIBUTES = frozenset(vars(logging.Handler()))
"""What logging.Handler.__init__ gives a handler (level, filters, lock...), which the logger reads before `emit`."""


def handler_not_set_up(exc: BaseException) -> str | None:
    """The fix for a logging.Handler subclass whose own `__init__` never calls `super().__init__()`: the first
    record logged asks it for `level` (or `filters`, `lock`), which only Handler's `__init__` sets. Python's
    "'Collector' object has no attribute 'level'" names an attribute the student never wrote. Needs the object on
    the exception (Python 3.10+)."""
    handler = getattr(exc, "obj", None) if isinstance(exc, AttributeError) else None
    if not isinstance(handler, logging.Handler) or getattr(exc, "name", None) not in _HANDLER_ATTRIBUTES:
        return None
    kind = type(handler)
    init = kind.__init__
    if getattr(init, "__module__", "logging").startswith("logging") or not hasattr(init, "__code__"):
        return None  # logging's own __init__ ran: something else took the attribute away
    others = ", ".join(name for name in ("level", "filters", "lock") if name != exc.name)
    return (
        f"`{kind.__name__}.__init__` (line {init.__code__.co_firstlineno}) never calls `super().__init__()`, so your"
        f" handler has no `{exc.name}` (nor {others}): logging.Handler's own `__init__` sets them up, and the logger"
        " reads them before it calls emit. Make `super().__init__()` the first line of your `__init__`."
    )


def _reads_a_log_record(exc: BaseException) -> bool:
    """Whether a frame `exc` went through holds a logging.LogRecord (a handler's `emit`, a filter): only there is
    `.args[0]` a record's first argument, and not an exception's (`error.args[0]`) in another exercise."""
    return any(
        isinstance(value, logging.LogRecord)
        for frame, _ in traceback.walk_tb(exc.__traceback__)
        for value in frame.f_locals.values()
    )


_CLOCKS = ("time", "perf_counter", "monotonic", "process_time", "time_ns", "perf_counter_ns", "monotonic_ns", "now")


def _not_implemented(said: str, where: Location) -> Verdict:
    """A function the student has not written yet. The fix is the kit's own pointer to the lesson (the stub's
    message for that function); a message of the student's own (`raise NotImplementedError("not yet")`) is never
    shown as the kit's advice, only quoted as theirs in what happened."""
    pointers = stub_pointers()
    kit = said if said in pointers.values() else pointers.get((PurePath(where.file).name, where.function or ""))
    theirs = f' (your message: "{clip(" ".join(said.split()), 120)}")' if said.strip() and said != kit else ""
    happened = f"{NOT_IMPLEMENTED}: {where.function}() still raises NotImplementedError{theirs}"
    return Verdict(Status.FAILED, happened, fix=kit, location=where)


_CALL_MISMATCH = re.compile(r"^(?P<name>\w+)\(\) (takes|missing|got an unexpected|got multiple)")
KEEP_THE_STUB = (
    "Keep every function of the stub, with its name and parameters: the checks call them as the stub defines them"
    " (`grader reset` puts a stub back, saving your version first)."
)


def _not_as_the_stub_says(exc: BaseException) -> Verdict | None:
    """A function of the stub that is missing, or that cannot be called as the stub's signature says.

    Both fail in the check's own frame, before any of the student's code runs, so no student line is involved.
    """
    module = getattr(exc, "obj", None) if isinstance(exc, AttributeError) else None
    if isinstance(module, ModuleType) and module.__name__.startswith("exercises.") and getattr(exc, "name", None):
        relpath = module.__name__.replace(".", "/") + ".py"
        happened = f"{relpath} has no `{exc.name}`, which the checks call"
        if _empty(module):  # saved over by mistake, or emptied to start again: "no `kind_of`" alone puzzles
            happened = f"{relpath} is empty, so it has no `{exc.name}`, which the checks call"
        return Verdict(Status.FAILED, happened, expected=f"the stub's `{exc.name}`", fix=KEEP_THE_STUB)
    if isinstance(exc, TypeError) and (match := _CALL_MISMATCH.match(str(exc))) and _is_stub_function(match["name"]):
        name = match["name"]
        happened = f"{name}() could not be called as the stub defines it: {exc}"
        return Verdict(Status.FAILED, happened, expected=f"`{name}` with the stub's parameters", fix=KEEP_THE_STUB)
    return None


ASYNC_DEF = "async def where the stub has def"
"""The cause of `async_where_the_stub_has_def`'s verdicts, and of a check's own words for that mistake."""


def async_where_the_stub_has_def(module: ModuleType) -> list[tuple[str, Verdict]]:
    """Each function of the student's `module` that is an `async def` where the kit's stub has a plain `def`, with
    the verdict that says so: calling it runs none of its body, and every check that uses what it returns sees a
    coroutine object instead, which each would explain in its own, misleading, way. All of them, not the first by
    name: a check that calls schedule_soon is told about schedule_soon, though running_loop_or_none is one too."""
    filename = PurePath(module.__file__ or "").name
    found = []
    for name in sorted(stub_plain_functions(filename)):
        func = getattr(module, name, None)
        if not inspect.iscoroutinefunction(func):
            continue
        verdict = Verdict(
            Status.FAILED,
            f"{name} is an `async def` function, so calling it runs none of its body: it only makes a coroutine"
            " object, which the checks got instead of a result",
            expected=f"`def {name}(...)`, a plain function, as in the stub",
            fix=f"Write `def {name}(...)`, not `async def`: the checks call {name}(...) without `await` and use what"
            " it returns at once. A plain function can still work with an event loop: the docstring at the top of"
            " your file says which one.",
            location=where(func),
            cause=ASYNC_DEF,
        )
        found.append((name, verdict))
    return found


def _empty(module: ModuleType) -> bool:
    """Whether the student's `module` is a file with nothing in it but blank lines."""
    file = getattr(module, "__file__", None)
    try:
        return bool(file) and not Path(file).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return False


def _is_stub_function(name: str) -> bool:
    """`name` is a top-level function of the student's exercise module (not, say, a wrapper it returns)."""
    return _exercise_function(name) is not None


def _exercise_function(name: str) -> FunctionType | None:
    """The top-level function `name` of the student's exercise module, else None."""
    for module_name, module in list(sys.modules.items()):
        func = getattr(module, name, None) if module_name.startswith("exercises.") else None
        if inspect.isfunction(func):
            return func
    return None


def _top_level_call(tb: TracebackType | None, root: str) -> Location | None:
    """The line of the student's module-level code that made the call `tb` ended in, if any: the innermost one, as
    a file the student's module imports may be the one whose top level ran a demo."""
    found = None
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_name == "<module>" and (rel := student_file(frame.f_code.co_filename, root)):
            found = Location(rel, lineno)
    return found


@dataclass
class ImportFailure:
    outcome: Outcome
    message: str
    location: Location | None


def tampering(relpath: str, changed: list[str], when: str) -> str:
    """The message for a submission that rewrote the grader's own code (see grader/guard.py)."""
    names = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return (
        f"{relpath} changed the grader's own code {when} ({names}): checks judge your functions as they are,"
        " so leave the grader and pytest alone"
    )


def _needs_a_loop_at_the_top_level(exc: BaseException, where: Location | None) -> bool:
    """`session = aiohttp.ClientSession()` or `asyncio.create_task(...)` at the top of the file: asyncio's words
    ("no running event loop") do not say that importing is the moment with no loop."""
    return (
        isinstance(exc, RuntimeError)
        and "no running event loop" in str(exc)
        and where is not None
        and where.function == "<module>"
    )


_DEMO_UNDER_MAIN = 'put a demo under `if __name__ == "__main__":`'
"""What to do with code that tries the student's functions, when it ran as the file was imported."""


def explain_import_error(exc: BaseException, tb: TracebackType | None, root: str, relpath: str) -> ImportFailure:
    """Why the student's module could not be imported, in one line that names the file and line."""
    if isinstance(exc, SyntaxError) and exc.filename and (rel := student_file(exc.filename, root)):
        return _syntax_failure(exc, rel)
    where = student_location(tb, root)
    at = f" at {where}" if where else ""
    if where is not None and where.function != "<module>" and (top := _top_level_call(tb, root)) is not None:
        # A demo left at the end of the file (`asyncio.run(main())`) runs on import and fails in a function: the
        # function's line alone leaves the student asking why importing called it at all.
        line, imported = (f"line {top.line}", "the file") if top.file == where.file else (str(top), top.file)
        if isinstance(exc, NotImplementedError) and top.file != where.file:  # another exercise's stub, used here
            return ImportFailure(
                Outcome.IMPORT_ERROR,
                f"importing {relpath} ran {where.function} of {where.file} (at {top}), which is not written yet: it"
                " still raises NotImplementedError. Finish that exercise first, or do without it here",
                top,
            )
        else:
            at += (
                f", called at {line} when {imported} was imported: code at the top level runs then too, so "
                + _DEMO_UNDER_MAIN
            )
    line = linecache.getline(os.path.join(root, where.file), where.line) if where is not None else ""
    if called_input(exc, line):
        message = f"importing {relpath}: {input_message(where, at)}. {INPUT_FIX}"
        return ImportFailure(Outcome.IMPORT_ERROR, message, where)
    message = _what_the_import_did(exc, where, at, relpath) + _import_advice(exc, where, root)
    return ImportFailure(Outcome.IMPORT_ERROR, message, where)


def _syntax_failure(exc: SyntaxError, rel: str) -> ImportFailure:
    """A syntax or indentation error in the student's file `rel`, with the code at its line."""
    location = Location(rel, exc.lineno or 1)
    kind = "indentation error" if isinstance(exc, IndentationError) else "syntax error"
    code = f": {exc.text.strip()}" if exc.text and exc.text.strip() else ""
    if "codec can't decode" in exc.msg:  # a file saved as Latin-1 or cp1252: what to do is not in asyncio's words
        code += ": save the file as UTF-8 (your editor's encoding setting) and retype the character"
    elif newer := newer_syntax(exc):
        code += f" — {newer}"
    return ImportFailure(Outcome.SYNTAX_ERROR, f"{kind} in {location} ({exc.msg}){code}", location)


def _what_the_import_did(exc: BaseException, where: Location | None, at: str, relpath: str) -> str:
    """What importing `relpath` raised, `at` the place it says (empty when it is not the student's)."""
    if isinstance(exc, SystemExit):
        return f"{relpath} calls sys.exit({exc.code!r}) when it is imported{at}; nothing can be graded"
    if isinstance(exc, SocketBlockedError):
        message = f"importing {relpath} tried to reach the network (blocked while grading){at}"
        if where is not None and where.function == "<module>":  # a function's line says this already (in `at`)
            message += f": the top level runs when the file is imported, so {_DEMO_UNDER_MAIN}"
        return message
    if isinstance(exc, ModuleNotFoundError) and where is None:
        return f"{relpath} could not be imported: {_short(exc)}"
    if (newer := newer_asyncio_import(exc)) is not None:
        said = str(exc).split(" (", 1)[0]  # without the path of asyncio's own file, which says nothing here
        return f"importing {relpath} raised ImportError: {said}{at}. {newer}"
    return f"importing {relpath} raised {_short(exc)}{_misspelt(exc)}{at}"


def _import_advice(exc: BaseException, where: Location | None, root: str) -> str:
    """What to do, for the failed imports whose own words do not say it; "" for the others."""
    advice = ""
    if _needs_a_loop_at_the_top_level(exc, where):
        line = linecache.getline(os.path.join(root, where.file), where.line) if where is not None else ""
        advice += ": no event loop runs while a file is imported, so " + (
            "open the session inside fetch_all, `async with aiohttp.ClientSession() as session:`"
            if "ClientSession" in line
            else "make tasks and futures inside the async functions that use them"
        )
    if isinstance(exc, ModuleNotFoundError) and where is not None and exc.name and exc.name.startswith("exercises."):
        advice += f": there is no {exc.name.replace('.', '/')}.py (only the .py files in exercises/ are graded)"
    elif isinstance(exc, ModuleNotFoundError) and where is not None and exc.name:
        # The student's own import of a package the grader does not install: the graders (a classmate's machine,
        # Gradescope, Classroom) would not have it either.
        advice += (
            f": the exercises need only Python's standard library, requests and aiohttp, and the grader installs"
            f" nothing else: import only those (or a file of yours in exercises/), not {exc.name.split('.')[0]}"
        )
    return advice
