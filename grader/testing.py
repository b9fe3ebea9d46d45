"""What the hidden suites use to state their claims about a student's code.

A suite is a plain pytest file. Each check is a test function with a `check` marker carrying the title the
student sees; its points live in `exercises.toml`. When the claim does not hold, the check calls `fail()` with
what happened, what was expected and the fix in the lesson's words, and may point at the student's function.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import linecache
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from types import FrameType, ModuleType
from typing import Any, NoReturn

import pytest

from grader.interactive import called_input
from grader.model import Location
from grader.student_code import coroutine_location, student_file, student_frame, student_location

check = pytest.mark.check
"""`@check("title", depends=("other_check",))`: marks a test function as a graded check."""


class CheckFailure(AssertionError):
    """A check's claim did not hold. Raised by `fail()`; the plugin turns it into the student's message."""

    def __init__(
        self,
        happened: str,
        expected: str | None = None,
        fix: str | None = None,
        location: Location | None = None,
        cause: str | None = None,
    ) -> None:
        super().__init__(happened)
        self.happened = happened
        self.expected = expected
        self.fix = fix
        self.location = location
        self.cause = cause


def where(obj: Any) -> Location | None:
    """The student's definition of `obj` (a function, a class), for pointing a failure at it; for an exception,
    the student's line that raised it; a `Location` (a line a probe found, e.g. where the event loop was blocked)
    is taken as it is."""
    if isinstance(obj, Location):
        return obj
    if isinstance(obj, (CallIn, ReturnOf)):
        return obj.location()
    if isinstance(obj, BaseException):
        root = _submission_root()
        return student_location(obj.__traceback__, root) if root else None
    try:
        target = inspect.unwrap(obj)
        filename = inspect.getsourcefile(target)
        line = inspect.getsourcelines(target)[1]
    except (TypeError, OSError, ValueError):
        return None
    if filename is None:
        return None
    return _in_exercises(filename, line, getattr(target, "__name__", None))


class CallIn:
    """`at=CallIn(func, ("close", "new_event_loop"), "new_event_loop")`: the student's line in `func` that calls the
    first of the names that it calls at all, read from its source only when a failure points there; `func`'s own
    `def` line when none is found. A name is a function or method (`"removeHandler"`), a dotted call as written
    (`"time.sleep"`), or a method of what a call made, `("close", "new_event_loop")`: `loop.close()` after
    `loop = asyncio.new_event_loop()`, never another object's `close()`. Sharper than the `def` when the failure is
    about that call (it ran too soon, or never). With `returned=True`, only a call that a `return` hands back as it
    is, unawaited (`return loop.run_in_executor(...)`)."""

    def __init__(self, func: Any, *names: str | tuple[str, str], returned: bool = False) -> None:
        self.func = func
        self.names = names
        self.returned = returned

    def location(self) -> Location | None:
        return self.found() or where(self.func)

    def found(self) -> Location | None:
        """The student's line that calls the first of the names, or None when `func` calls none of them (or its
        source cannot be read): for a message that depends on what the student wrote."""
        if (source := _Source.of(self.func)) is None:
            return None
        nodes = ast.walk(source.tree)
        made = (node.value for node in nodes if isinstance(node, ast.Return)) if self.returned else nodes
        calls = sorted((node for node in made if isinstance(node, ast.Call)), key=lambda node: node.lineno)
        for name in self.names:
            for node in calls:
                if _calls(node, name, source.tree):
                    return source.location(node.lineno)
        return None


_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
"""Nodes whose bodies are another scope: what runs there is not the enclosing function's own code."""


class ReturnOf:
    """`at=ReturnOf(func, "future")`: the student's `return "future"` in `func`, when exactly one `return` there
    gives that very literal (or, for a class, names it: `return asyncio.Task`), or, with no such return, exactly one
    assignment does (`answer = "future"`); `func`'s own `def` line otherwise (a table, two such returns). Sharper
    than the `def` when the failure is about what was returned: that branch was taken, and it is the one to look at."""

    def __init__(self, func: Any, value: object) -> None:
        self.func = func
        self.value = value

    def location(self) -> Location | None:
        return self.found() or where(self.func)

    def found(self) -> Location | None:
        if (source := _Source.of(self.func)) is None:
            return None
        giving = [node for node in ast.walk(source.tree) if isinstance(node, ast.Return) and self._gives(node.value)]
        if not giving:  # `answer = "future"`, returned later by name
            giving = [
                node for node in ast.walk(source.tree) if isinstance(node, ast.Assign) and self._gives(node.value)
            ]
        return source.location(giving[0].lineno) if len(giving) == 1 else None

    def _gives(self, value: ast.expr | None) -> bool:
        if isinstance(value, ast.Constant):
            return type(value.value) is type(self.value) and value.value == self.value
        if isinstance(self.value, type):  # read by name only: nothing of the student's is evaluated
            named = (
                value.attr if isinstance(value, ast.Attribute) else value.id if isinstance(value, ast.Name) else None
            )
            return named == self.value.__name__
        return False


class _Source:
    """A student's function as the syntax tree of its source, to find a line in it."""

    def __init__(self, target: Any, tree: ast.AST, first: int, filename: str | None) -> None:
        self.target, self.tree, self.first, self.filename = target, tree, first, filename

    @classmethod
    def of(cls, func: Any) -> _Source | None:
        try:
            target = inspect.unwrap(func)
            lines, first = inspect.getsourcelines(target)
            first = max(first, 1)  # a module's source starts at line 1, though getsourcelines says 0
            return cls(target, ast.parse(textwrap.dedent("".join(lines))), first, inspect.getsourcefile(target))
        except Exception:  # unreadable source, or ast itself failing (3.11's recursion-depth SystemError)
            return None

    def location(self, lineno: int) -> Location | None:
        """The Location of line `lineno` of the parsed source, in the student's file."""
        line = self.first + lineno - 1
        if isinstance(self.target, ModuleType):
            return _in_exercises(self.filename, line, "<module>") if self.filename else None
        function = getattr(self.target, "__name__", getattr(self.target, "co_name", None))  # a code object's too
        return _in_exercises(self.filename, line, function) if self.filename else None


def function_around(tree: ast.AST, line: int) -> str | None:
    """The name of the innermost function of `tree` whose lines (its decorators' included) hold `line`: a helper's
    `emit`, not the factory it is defined in. None for a line outside every function."""
    around = [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and min([node.lineno, *(d.lineno for d in node.decorator_list)]) <= line <= (node.end_lineno or 0)
    ]
    return max(around, key=lambda node: node.lineno).name if around else None


def awaited_in_a_loop(func: Any) -> Location | None:
    """The student's first line in `func` with an `await` inside a `for` or `while` loop, or inside a comprehension
    (`[await f(x) for x in xs]`): the wait that makes each item wait for the one before. None when there is none, or
    the source cannot be read. Nested functions are their own business."""
    if (source := _Source.of(func)) is None:
        return None
    found: list[int] = []

    def visit(node: ast.AST, looping: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _NESTED):
                continue
            if looping and isinstance(child, ast.Await):
                found.append(child.lineno)
            inner = isinstance(child, (ast.For, ast.AsyncFor, ast.While, ast.comprehension))
            if isinstance(child, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                inner = True
            visit(child, looping or inner)

    top = source.tree.body[0] if isinstance(source.tree, ast.Module) and source.tree.body else source.tree
    visit(top, False)
    return source.location(min(found)) if found else None


def uncalled_test(func: Any, *methods: str) -> tuple[str, Location | None] | None:
    """(`future.done`, its line) when `func`, a function or a code object, tests one of `methods` for truth without
    calling it (`if future.done:`, `if not future.cancelled:`): a bound method is always true, so the branch is
    always (or never) taken. None when it does not, or its source cannot be read."""
    if (source := _Source.of(func)) is None:
        return None
    tests: list[ast.expr] = []
    for node in ast.walk(source.tree):
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            tests.append(node.test)
    for test in tests:
        parts = [test]
        while parts:
            part = parts.pop()
            if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not):
                parts.append(part.operand)
            elif isinstance(part, ast.BoolOp):
                parts.extend(part.values)
            elif isinstance(part, ast.Attribute) and part.attr in methods:
                return ast.unparse(part), source.location(part.lineno)
    return None


_LOOP_CALLBACKS = ("call_soon", "call_later", "call_at", "call_soon_threadsafe")


def coroutine_function_as_callback(func: Any) -> tuple[str, str, Location | None] | None:
    """(`loop.call_soon`, `set_future_value`, its line) when `func` hands one of the loop's callback schedulers an
    async def function of its module as the callback: the loop calls it as a plain function, which only makes a
    coroutine object that nobody runs. None when it does not, or its source cannot be read."""
    if (source := _Source.of(func)) is None:
        return None
    names = getattr(inspect.unwrap(func), "__globals__", {})
    for node in ast.walk(source.tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) in _LOOP_CALLBACKS):
            continue
        for argument in node.args:
            if isinstance(argument, ast.Name) and inspect.iscoroutinefunction(names.get(argument.id)):
                return ast.unparse(node.func), argument.id, source.location(node.lineno)
    return None


def return_in_finally(func: Any) -> Location | None:
    """The student's `return` inside a `finally:` block of `func` (a function or a code object; nested functions
    aside), or None: a return there drops the exception going through the `try`, a cancellation too, so the call
    returns where it should have raised. Named so, a student is not told to remove an `except` they never wrote."""
    return _in_finally(func, lambda node: isinstance(node, ast.Return))


def named_in_finally(func: Any, name: str) -> Location | None:
    """Where `func` names `name` (`all_tasks`, `asyncio.all_tasks`) inside a `finally:` block, nested functions aside;
    None when it does not."""
    return _in_finally(func, lambda node: getattr(node, "id", getattr(node, "attr", None)) == name)


def _in_finally(func: Any, wanted: Callable[[ast.AST], bool]) -> Location | None:
    """The first node of `func`'s source inside a `finally:` block (nested functions aside) that is `wanted`."""
    if (source := _Source.of(func)) is None:
        return None
    top = source.tree.body[0] if source.tree.body and isinstance(source.tree.body[0], _NESTED) else source.tree
    todo: list[tuple[ast.AST, bool]] = [(child, False) for child in ast.iter_child_nodes(top)]
    while todo:
        node, in_finally = todo.pop(0)
        if in_finally and wanted(node):
            return source.location(node.lineno)
        if isinstance(node, _NESTED):
            continue
        final = getattr(node, "finalbody", None) or []  # ast.Try, and ast.TryStar on 3.11+
        todo += [(child, in_finally or child in final) for child in ast.iter_child_nodes(node)]
    return None


def yield_line(func: Any) -> Location | None:
    """The student's first `yield` in `func` (nested functions aside), or None: the line that makes an `async def` an
    async generator, which `await` cannot wait for."""
    if (source := _Source.of(func)) is None:
        return None
    top = source.tree.body[0] if source.tree.body and isinstance(source.tree.body[0], _NESTED) else source.tree
    todo: list[ast.AST] = list(ast.iter_child_nodes(top))
    while todo:
        node = todo.pop(0)
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return source.location(node.lineno)
        if not isinstance(node, _NESTED):
            todo += ast.iter_child_nodes(node)
    return None


RETURN_IN_FINALLY = (
    "A `return` in a `finally:` block drops the exception going through it (a cancellation too) and returns instead:"
    " return the result from the `try:` block or after the whole statement, and in `finally:` only clean up."
)


def _calls(node: ast.Call, name: str | tuple[str, str], tree: ast.AST) -> bool:
    if isinstance(name, str):
        return name in (_called_name(node.func), getattr(node.func, "attr", getattr(node.func, "id", None)))
    method, maker = name
    receiver = node.func.value if isinstance(node.func, ast.Attribute) and node.func.attr == method else None
    return isinstance(receiver, ast.Name) and receiver.id in _made_by(tree, maker)


def _made_by(tree: ast.AST, maker: str) -> set[str]:
    """The names that `tree` binds to what a call of `maker` returns (`loop = asyncio.new_event_loop()`)."""
    bound = set()
    for node in ast.walk(tree):
        value, targets = None, []
        if isinstance(node, ast.Assign):
            value, targets = node.value, node.targets
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
            value, targets = node.value, [node.target]
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            value, targets = node.context_expr, [node.optional_vars]
        if isinstance(value, ast.Call) and _calls(value, maker, tree):
            bound.update(t.id for t in targets if isinstance(t, ast.Name))
    return bound


def _called_name(func: ast.expr) -> str | None:
    """`time.sleep` for `time.sleep(...)`, `sleep` for `sleep(...)`; None for anything more complex."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{func.value.id}.{func.attr}"
    return None


def expect_default(func: Callable[..., Any], name: str, value: float, signature: str, meaning: str) -> None:
    """Fail unless parameter `name` of `func` defaults to `value`, as the exercise's `signature` says, so that the
    lesson's calls that leave it out mean what it says (`meaning`). A default of None is left to the checks that
    call the function (the body may fall back to `value`); so is a signature that cannot be read or takes
    `*args` or `**kwargs`."""
    try:
        parameters = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return
    if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters.values()):
        return
    parameter = parameters.get(name)
    called = signature.partition("(")[0]  # a functools.partial, say, has no __name__ of its own
    if parameter is None:
        happened = f"{called} has no parameter named `{name}`"
    elif parameter.default is parameter.empty:
        happened = f"{called}'s `{name}` has no default, so a call that leaves it out raises TypeError"
    elif parameter.default is None or (parameter.default == value and not isinstance(parameter.default, bool)):
        return
    else:
        happened = f"{called}'s `{name}` defaults to {parameter.default!r}"
    fail(
        happened,
        expected=f"the exercise's signature, `{signature}`: {meaning}",
        fix="Keep the stub's signature: change the body, not the parameters.",
        at=func,
    )


def calling_line() -> Location | None:
    """The innermost line of the student's exercise files on the calling thread's stack: for a probe that patched
    a library function, the student's line that called it."""
    root = _submission_root()
    return student_frame(sys._getframe(1), root) if root else None


def line_of(frame: FrameType) -> Location | None:
    """`frame`'s current line when it runs one of the student's exercise files; None for any other frame."""
    return _in_exercises(frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)


def coroutine_origin(coro: Any) -> Location | None:
    """The student's line that made the coroutine object `coro` (called its async def function), as the suite
    process records it (`grader.unawaited`); None when no line of the exercise files made it."""
    root = _submission_root()
    return coroutine_location(coro, root) if root else None


def _submission_root() -> str | None:
    package = sys.modules.get("exercises")  # the submission's, imported from the root the plugin put on sys.path
    folders = getattr(package, "__path__", None) or []
    return os.path.dirname(folders[0]) if folders else None


def raised_by_input(error: BaseException) -> bool:
    """Whether the student's `error` comes from an `input()` call, which grading (no keyboard) makes fail: a check
    that expected another exception lets it through, for the plugin to say so, not that it was the wrong one."""
    root, at = _submission_root(), where(error)
    return bool(root and at) and called_input(error, linecache.getline(os.path.join(root, at.file), at.line))


def _in_exercises(filename: str, line: int, function: str | None) -> Location | None:
    root = _submission_root()
    rel = student_file(filename, root) if root else None
    return Location(rel, line, function) if rel else None


def fail(
    happened: str, *, expected: str | None = None, fix: str | None = None, at: Any = None, cause: str | None = None
) -> NoReturn:
    """Fail the current check with a message for the student; `at` is the student's function to point at. `cause`
    names a mistake the grader also diagnoses on its own (`grader.diagnose.ASYNC_DEF`): the check's words for it win."""
    __tracebackhide__ = True
    raise CheckFailure(happened, expected, fix, where(at) if at is not None else None, cause)


def expect(
    condition: object, happened: str, *, expected: str | None = None, fix: str | None = None, at: Any = None
) -> None:
    """`fail()` unless `condition` holds."""
    __tracebackhide__ = True
    if not condition:
        fail(happened, expected=expected, fix=fix, at=at)


def found_in(exc: BaseException, kind: type[BaseException] | Callable[[BaseException], bool]) -> BaseException | None:
    """`exc` if it is a `kind` (or `kind(exc)` is true, for a test), else the first such exception inside it when it
    is an exception group (a `TaskGroup`'s way of raising), else None."""
    if isinstance(exc, kind) if isinstance(kind, type) else kind(exc):
        return exc
    for inner in getattr(exc, "exceptions", ()):
        if isinstance(inner, BaseException) and (found := found_in(inner, kind)) is not None:
            return found
    return None


def _chain(error: BaseException) -> Iterator[BaseException]:
    """`error`, then the exception it was raised from or while handling, and so on, each once (a chain can loop)."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def follows_from(raised: BaseException, error: BaseException) -> bool:
    """Whether `raised` came about while the student's code handled `error` (the exception a check's coroutine
    raised): wrapped in it (`raise ... from`) or raised while handling it. An error with no such link is the
    student's function failing on its own (asyncio.get_event_loop() with no current loop, a coroutine object called
    as a function), which "let the coroutine's exception through" would misexplain."""
    return any(link is error for link in _chain(raised))


def raised_in_place_of(error: BaseException, kind: type[BaseException], shown: str, call: str) -> None:
    """Fail the check when `error` was raised while handling a `kind` (its cause or context): the student's code
    caught the exception it should have let through and raised another in its place. `shown` names `kind` for the
    student, e.g. "requests.ConnectionError"."""
    __tracebackhide__ = True
    if not any(found_in(origin, kind) for origin in itertools.islice(_chain(error), 1, None)):
        return
    fail(
        f"{call} raised {type(error).__name__}: {error}, in place of the {shown} it was handling",
        expected=f"the {shown} itself (or an ExceptionGroup holding it)",
        fix="Let the exception through as it is: no `except` that raises another exception in its place.",
        at=where(error),
    )


def student(module: str) -> ModuleType:
    """The student's module, e.g. `student("exercises.ex01_futures")`; the plugin imported it already."""
    return importlib.import_module(module)


def name_of(func: Any) -> str:
    """The name a message gives the student's function: its own, or for a `functools.partial` (which has none)
    the name of the function it wraps."""
    return getattr(func, "__name__", None) or getattr(getattr(func, "func", None), "__name__", None) or repr(func)


SHOWN_ITEMS = 1000
"""Items of a list or tuple that `value_repr` puts in a message: each takes at least three characters (`0, `), so
their repr is longer than the 2000 characters the plugin clips a message to (`grader.plugin.MESSAGE_LIMIT`)."""


def value_repr(value: object) -> str:
    """`repr(value)` for a message, which the plugin clips: of a list or tuple longer than SHOWN_ITEMS, the repr of
    its first items only, open at the end, so that the clipped message reads the same. A student's make_request that
    returned a list of a million numbers cost a second per repr in full, and on a busy machine a check that showed
    four of them overran its time limit."""
    # Not a subclass: its own __repr__ may show anything.
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple) and len(value) > SHOWN_ITEMS:
        return repr(value[:SHOWN_ITEMS])[:-1] + ", …"
    return repr(value)


def call_repr(func: Callable[..., Any] | str, *args: Any, **kwargs: Any) -> str:
    """`make_request(42, delay=0.1)`: how a call looks in a message."""
    name = func if isinstance(func, str) else name_of(func)
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def returns_no_value(func: Any) -> bool:
    """Whether the student's function `func` has no `return <value>` of its own (nested functions aside): a None it
    returned is then a missing return, not a value computed wrongly. False when its source cannot be read."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return False
    if not tree.body or not isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    todo = list(tree.body[0].body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Return) and node.value is not None:
            return False
        if not isinstance(node, _NESTED):
            todo.extend(ast.iter_child_nodes(node))
    return True
