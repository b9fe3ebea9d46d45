"""How exercise 03's checks apply the student's `async_timed` and call what it made.

`decorate` applies `@async_timed()` and `call` awaits the decorated function; where the decorator's shape is wrong
(a factory that needs arguments, a wrapper called instead of returned, `@functools.wraps` without `(func)`, a body
never awaited or handed other arguments) they fail the check with that mistake's fix, at `wrapper_at`: the student's
wrapper. What the wrapper printed is `grader.suites.timed_output`'s to judge.
"""

from __future__ import annotations

import ast
import asyncio
import functools
import inspect
import linecache
import re
from collections.abc import Callable
from typing import Any

from grader.asyncio_mistakes import asyncio_fix
from grader.asyncio_mistakes.frames import innermost, raise_statement
from grader.except_clauses import catching_handler
from grader.model import Location
from grader.testing import (
    CheckFailure,
    _Source,
    calling_line,
    coroutine_origin,
    expect,
    fail,
    function_around,
    student,
    where,
)

ex = student("exercises.ex03_async_timed")

PASS_ON = (
    "Unpack the arguments when you call func: `await func(*args, **kwargs)`. Without the stars, func(args, kwargs)"
    " passes the tuple and the dict as two arguments."
)


def expect_passed_on(value: Any, kind: type | tuple[type, ...], parameter: str) -> None:
    """Fail, from inside a body of the checks, when its `parameter` got `value`, not of the `kind` every call of the
    checks passes: the wrapper handed the arguments on otherwise than they came (the tuple `args` itself, say), and
    what the body did with them next (a TypeError in the grader's clock) would only mislead."""
    if isinstance(value, kind):
        return
    fail(
        f"the decorated function's body got {value!r} for its parameter `{parameter}`, which is not what the call"
        " passed: the wrapper did not pass the arguments on as they came",
        expected="the body gets exactly the arguments of the decorated call",
        fix=PASS_ON,
        at=calling_line() or ex.async_timed,
    )


def required_parameters(func: Callable[..., Any]) -> list[str]:
    """The parameters a call of `func` must fill ([] when its signature cannot be read: the call will tell)."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return []
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return [p.name for p in parameters if p.default is p.empty and p.kind not in variadic]


def decorate(func: Callable[..., Any]) -> Any:
    """`async_timed()(func)`, failing the check with a clear message where the factory's shape is wrong."""
    required = required_parameters(ex.async_timed)
    expect(
        not required,
        f"async_timed needs the argument(s) {', '.join(required)}, so `@async_timed()` cannot call it",
        expected="async_timed() called with no arguments, returning the decorator that receives the function",
        fix="Write `def async_timed():` with the decorator `def wrapper(func): ...` inside it, and return wrapper.",
        at=ex.async_timed,
    )
    decorator = ex.async_timed()
    expect(
        callable(decorator),
        f"async_timed() returned {decorator!r}",
        expected="a decorator: a function that takes the async def function and returns its wrapper",
        fix="async_timed is a decorator factory: define `def wrapper(func): ...` inside it and `return wrapper`.",
        at=ex.async_timed,
    )
    decorated = decorator(func)
    wraps_without_func(decorated)
    decorator_is_async(decorator, decorated, func)
    wrapper_called(decorated, func)
    expect(
        callable(decorated),
        f"async_timed()({func.__name__}) returned {decorated!r}",
        expected=f"a wrapper function to call instead of {func.__name__}",
        fix="The decorator must `return wrapped`, the async def function it defines.",
        at=ex.async_timed,
    )
    return decorated


def wraps_without_func(decorated: Any) -> None:
    """Fail when the decorator returned what `@functools.wraps` without `(func)` makes of the wrapper: a partial of
    update_wrapper that waits for the function to copy from, which calling with the body's arguments breaks."""
    if not (isinstance(decorated, functools.partial) and decorated.func is functools.update_wrapper):
        return
    wrapper = decorated.keywords.get("wrapped")
    fail(
        "the decorator returned functools.partial(update_wrapper, ...), not your wrapper: `@functools.wraps` was"
        " written without the function to copy from",
        expected="`@functools.wraps(func)` on the wrapper, which returns the wrapper itself with func's name and doc",
        fix="Write `@functools.wraps(func)`, with `(func)`: functools.wraps is a decorator factory, as async_timed is.",
        at=wrapper_at(wrapper) if wrapper is not None else ex.async_timed,
    )


def decorator_is_async(decorator: Any, decorated: Any, func: Any) -> None:
    """Fail when the decorator that async_timed() returned is itself an `async def`: applying it to func made a
    coroutine object, not because it called its wrapper but because nothing of it ran. 'Return the wrapper without
    calling it' would send a student who wrote `return wrapper` looking for parentheses that are not there."""
    if not (inspect.iscoroutine(decorated) and inspect.iscoroutinefunction(decorator)):
        return
    decorated.close()
    name = getattr(decorator, "__name__", "decorator")
    fail(
        f"async_timed()({func.__name__}) returned a coroutine object, not a function: {name}, the decorator that"
        f" async_timed returns, is an `async def`, so applying it to {func.__name__} ran none of its body",
        expected=f"`def {name}(func):`, a plain function that returns the wrapper at once",
        fix=f"Write `def {name}(func):`, not `async def`: Python calls a decorator without `await` when it applies"
        " `@async_timed()`. Only the wrapper inside it, which runs at each call of the function, is an async def.",
        at=wrapper_at(decorator),
    )


def wrapper_called(decorated: Any, func: Any) -> None:
    """Fail when the decorator returned a coroutine object: it called its wrapper (`return wrapped()`) instead of
    returning it. Named as such, at the line that made it, not as 'not callable' at the factory's def."""
    if not inspect.iscoroutine(decorated):
        return
    made = coroutine_origin(decorated)
    name = decorated.cr_code.co_name
    decorated.close()
    line = ""
    if made is not None and (code := getattr(ex.async_timed, "__code__", None)) is not None:
        line = linecache.getline(code.co_filename, made.line).strip()
    said = f"`{line}`" if line else f"`return {name}()`"
    fail(
        f"async_timed()({func.__name__}) returned a coroutine object, not a function: the decorator called the"
        f" wrapper ({said}) instead of returning it",
        expected=f"a wrapper function to call instead of {func.__name__}",
        fix=f"Return the wrapper without calling it: `return {name}`, no parentheses. It is called later, each time"
        " the decorated function is.",
        at=made or ex.async_timed,
    )


def wrapper_catching(decorated: Any, error: BaseException, *, reraising: bool = False) -> Location | None:
    """The `except` of the student's wrapper that caught `error`, the body's exception that the call should have
    let through; None when no handler of the wrapper catches it (with `reraising`, also one that raises again)."""
    code, names = getattr(decorated, "__code__", None), getattr(decorated, "__globals__", {})
    return catching_handler(code, error, names, reraising=reraising)


def except_that_misses_cancel(decorated: Any) -> Location | None:
    """The wrapper's `except Exception:` (or another handler for the body's errors) when no handler of the wrapper
    takes a cancellation: asyncio.CancelledError is a BaseException, so a Finished line printed there, and not in
    `finally:`, is never printed for a cancelled call."""
    if wrapper_catching(decorated, asyncio.CancelledError(), reraising=True) is not None:
        return None
    return wrapper_catching(decorated, ValueError(), reraising=True)


def wrapper_at(decorated: Any, printing: str | None = None) -> Any:
    """Where to point a failure about the wrapper's behaviour: the `def` line of the student's wrapper, else the
    factory. Not `where(decorated)`, which follows `__wrapped__` to the original function, in this suite.

    With `printing` ("Starting", "Finished"), a failure about that printed line points at the wrapper's line that
    writes the word in a string, where the slip is, when there is one."""
    code = getattr(decorated, "__code__", None)
    factory = getattr(ex.async_timed, "__code__", None)
    home = where(ex.async_timed)
    if code is None or factory is None or home is None or code.co_filename != factory.co_filename:
        return ex.async_timed
    # A decorated def (`@functools.wraps(func)`) starts at its first decorator: step on to the def itself.
    line = code.co_firstlineno
    source = linecache.getlines(code.co_filename)
    for number in range(line, min(line + 10, len(source)) + 1):
        if re.match(r"\s*(async\s+)?def\s", source[number - 1]):
            line = number
            break
    if printing is not None and (found := _line_printing(code, printing)) is not None:
        line = found
    elif printing is not None and (helper := _helper_printing(code.co_filename, printing)) is not None:
        return Location(home.file, *helper)
    return Location(home.file, line, code.co_name)


def printing_at(word: str) -> Any:
    """The student's line that hands a string holding `word` to a call, in any function of their file (the factory
    when there is none): where a line of output is written, for a failure about where it went."""
    code, home = getattr(ex.async_timed, "__code__", None), where(ex.async_timed)
    if code is None or home is None or (found := _helper_printing(code.co_filename, word)) is None:
        return ex.async_timed
    return Location(home.file, *found)


def _line_printing(code: Any, word: str) -> int | None:
    """The line, in the file, of the first string handed to a call in the wrapper whose `code` is given that holds
    `word` (`print(f"Finished {func} ...")`, a multi-line call's own line of it); not a docstring or a comment."""
    if (source := _Source.of(code)) is None:
        return None
    found = _lines_printing(source.tree, word)
    return source.first + min(found) - 1 if found else None


def _helper_printing(filename: str, word: str) -> tuple[int, str] | None:
    """The line and function of the first string holding `word` handed to a call in any function of the student's
    file: the wrapper may leave the printing to a helper of theirs (`_report(func, total)`), where the slip is."""
    try:
        tree = ast.parse("".join(linecache.getlines(filename)))
    except (SyntaxError, ValueError):
        return None
    for line in sorted(_lines_printing(tree, word)):
        if (name := function_around(tree, line)) is not None:
            return line, name
    return None


def _lines_printing(tree: ast.AST, word: str) -> list[int]:
    """The lines, within `tree`, of the strings holding `word` that are handed to a call."""
    return [
        part.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for part in (*node.args, *(keyword.value for keyword in node.keywords))
        if word.lower() in _literal_text(part).lower()
    ]


def _literal_text(node: ast.expr) -> str:
    """The text written in a string literal or an f-string (its fixed parts), '' for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(value) for value in node.values)
    return ""


async def call(decorated: Any, *args: Any, _body_must_run: bool = True, **kwargs: Any) -> Any:
    """Call the decorated function and await what it gives; unless `_body_must_run` is false (a check about the
    Starting line only), a body that never ran, since the wrapper returned its coroutine unawaited, fails the check."""
    return await awaited(decorated, made_call(decorated, *args, **kwargs), body_must_run=_body_must_run)


def made_call(decorated: Any, *args: Any, **kwargs: Any) -> Any:
    """What calling the decorated function gives, not yet awaited: a check may let time pass, and the loop run,
    before it awaits that with `awaited`. A call refused, or that gives nothing awaitable, fails the check."""
    try:
        outcome = decorated(*args, **kwargs)
    except TypeError as error:
        if error.__traceback__ is None or error.__traceback__.tb_next is not None:
            raise  # raised inside the student's code: the plugin points at their line
        shown = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
        fail(
            f"calling the decorated {getattr(decorated, '__name__', 'function')}({shown}) raised TypeError: {error}",
            expected="the decorated function takes the same arguments as the original, positional and keyword",
            fix="Define the wrapper as `async def wrapped(*args, **kwargs):` and pass both on:"
            " `await func(*args, **kwargs)`.",
            at=wrapper_at(decorated),
        )
    if not inspect.isawaitable(outcome):
        fail(
            f"calling the decorated function gave {outcome!r}, which cannot be awaited",
            expected="a coroutine: the decorated function is used exactly like the original async def",
            fix="Make the wrapper an `async def` that returns `await func(*args, **kwargs)`.",
            at=wrapper_at(decorated),
        )
    return outcome


async def awaited(decorated: Any, outcome: Any, *, body_must_run: bool = True) -> Any:
    """Await `outcome`, what calling `decorated` gave (`made_call`), and judge what that returned as `call` does."""
    try:
        got = await outcome
    except TypeError as error:
        body_called_otherwise(error, decorated)
        raise
    if isinstance(got, asyncio.Future) and not body_must_run:
        return await got
    if isinstance(got, asyncio.Future):  # no body of the checks returns one: the wrapper did not wait for its task
        shown = repr(got)
        got.cancel()
        fail(
            f"the decorated function returned {shown} instead of what the body returned: the wrapper started the"
            " body as a task and did not wait for it, so its Finished line came before the body had run",
            expected="the wrapper waits for the body and returns its result: `return await func(*args, **kwargs)`",
            fix="Await the body in the wrapper, `return await func(*args, **kwargs)`; a task of it needs an `await`"
            " too (`return await task`) before the wrapper can print the time it took.",
            at=wrapper_at(decorated),
        )
    if inspect.iscoroutine(got) and not body_must_run:
        got.close()
    elif inspect.iscoroutine(got):  # no body of the checks returns one: the wrapper returned func(...) unawaited
        made = coroutine_origin(got)
        got.close()
        fail(
            # Not named: the decorated functions are the checks' own, and one wording folds the checks it fails.
            "the decorated function returned the coroutine object that calling the original makes, instead of what"
            " the body returned: the body never ran",
            expected="the wrapper runs the body and returns its result: `return await func(*args, **kwargs)`",
            fix=MISSING_AWAIT,
            at=made or wrapper_at(decorated),
        )
    return got


def body_called_otherwise(error: TypeError, decorated: Any) -> None:
    """Fail when `error` is Python refusing the arguments the wrapper called the body with, `greet() takes 0
    positional arguments but 2 were given` from func(args, kwargs): raised at the student's call, before any line
    of the body."""
    body = getattr(getattr(decorated, "__wrapped__", None), "__name__", None)
    said = str(error)
    if body is None or not said.startswith(f"{body}()") or "argument" not in said:
        return
    tb = innermost(error)
    if tb is None or tb.tb_frame.f_code.co_filename != getattr(getattr(decorated, "__code__", None), "co_filename", ""):
        return
    fail(
        f"the wrapper called the body with other arguments than the decorated call got: TypeError: {said}",
        expected="the body gets exactly the arguments of the decorated call",
        fix=PASS_ON,
        at=Location(where(ex.async_timed).file, tb.tb_lineno, tb.tb_frame.f_code.co_name)
        if where(ex.async_timed) is not None
        else wrapper_at(decorated),
    )


MISSING_AWAIT = (
    "Put `await` in front of func(*args, **kwargs) in the wrapper: calling an async def function only makes a"
    " coroutine object; awaiting it runs the body and gives its result."
)


LOOP_TURNS = 5
"""Steps the event loop is let run while a check holds a call it made but has not awaited yet."""


async def loop_turns() -> None:
    """Let the event loop run other tasks a few steps: what a call set going before it was awaited (a task of the
    body, say) gets to run, as it would in a program that awaits the call later."""
    for _ in range(LOOP_TURNS):
        await asyncio.sleep(0)


async def until_entered(entered: asyncio.Event, task: asyncio.Task, decorated: Any) -> None:
    """Wait until the body of wait_for_release, run by `task` through the decorated function, has started. A call
    that ends first raises what ended it here (the missing `await` that `call` names, say); one that neither starts
    the body nor ends fails the check."""
    starting = asyncio.ensure_future(entered.wait())
    await asyncio.wait({starting, task}, timeout=2, return_when=asyncio.FIRST_COMPLETED)
    starting.cancel()
    if entered.is_set():
        return
    if task.done():
        ended = task.result()  # a failure of the call, or the student's error, is raised here
        fail(
            f"the decorated wait_for_release(...) returned {ended!r} without running the body",
            expected="the wrapper awaits the original function, whose body runs until it is released",
            fix=MISSING_AWAIT,
            at=wrapper_at(decorated),
        )
    task.cancel()
    fail(
        "the body of the decorated wait_for_release(...) had not started 2 s after the call",
        expected="the wrapper awaits the original function at once",
        fix="Await func(*args, **kwargs) in the wrapper, right after printing the Starting line; nothing else to"
        " wait for first.",
        at=wrapper_at(decorated),
    )


def not_the_bodys(raised: Exception, error: Exception) -> bool:
    """Whether `raised` must go on to the plugin: this check's own verdict, or the student's unfinished code."""
    if raised is error:
        return False
    # A CheckFailure, the stub's NotImplementedError, or asyncio refusing the student's own call (asyncio.run()
    # inside the running loop, say): reported with its own fix, not as an exception changed on its way out.
    return (
        isinstance(raised, (CheckFailure, NotImplementedError))
        or asyncio_fix(raised) is not None
        or crashed_in_the_wrapper(raised)
    )


def crashed_in_the_wrapper(raised: BaseException) -> bool:
    """Whether `raised` is the student's own code failing (a clock read as `time.perf_counter - start`, say), not
    an exception they raised on purpose: its innermost frame is a line of their file that is not a `raise`."""
    tb = innermost(raised)
    code = getattr(ex.async_timed, "__code__", None)
    if tb is None or code is None or tb.tb_frame.f_code.co_filename != code.co_filename:
        return False
    return raise_statement(raised, code.co_filename) is None
