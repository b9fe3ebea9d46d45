"""Exercise 02: tasks, coroutines, futures and awaitables. Every check runs inside a running event loop.

Each check shows `kind_of` real objects of one kind and names them in messages by how they were made (a task's
repr is long and full of addresses). The objects are chosen where the plausible shortcuts disagree with the
contract on every supported Python: `asyncio.iscoroutine` also accepts objects that merely implement the
coroutine interface (and plain generators up to 3.11), a task passes `asyncio.isfuture`, a thread pool's future
looks like a future but cannot be awaited, and exact-type or attribute shortcuts (`type(obj) is asyncio.Task`,
`isinstance(obj, asyncio.Future)`, `hasattr(obj, "__await__")`) miss a Task subclass, a future that passes
`asyncio.isfuture` without being an `asyncio.Future`, and `__await__` set on an instance rather than its class.

The student's `kind_of` is always called through `classify`, before the expected answer is named anywhere: a
`kind_of` that reads its callers' locals finds no answer to copy. `classify` keeps every object it shows alive, so
that no two objects shown share an id: a cache keyed by id(obj) gives a stale answer only where a check means it to
(an object whose class changes between two calls), whatever the Python. It also notes which lines of `kind_of`'s own
code ran, the evidence for saying why an answer came out wrong.
"""

import ast
import asyncio
import concurrent.futures
import inspect
import sys
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, NoReturn

from grader.diagnose import missing_import
from grader.model import Location
from grader.testing import CallIn, ReturnOf, _Source, check, expect, fail, returns_no_value, student, where

ex = student("exercises.ex02_awaitables")

KINDS = ("task", "future", "coroutine", "awaitable", "not awaitable")


async def fetch() -> int:
    return 42


class Client:
    async def get(self) -> str:
        return "reply"


class Ready:
    """Awaitable by hand: its class defines `__await__`, and it is nothing else."""

    def __await__(self) -> Generator[None, None, str]:
        yield
        return "ready"


class ReadyToo(Ready):
    """Awaitable through inheritance: `await` looks `__await__` up on the class and its bases alike."""


class CallableReady(Ready):
    """Awaitable and callable too: being callable, like a function, says nothing about whether it can be awaited."""

    def __call__(self) -> str:
        return "called"


class LooksLikeACoroutine(Coroutine):
    """Implements the coroutine interface by hand; not what calling an `async def` gives."""

    def send(self, value: object) -> NoReturn:
        raise StopIteration(value)

    def throw(self, *args: object) -> NoReturn:
        raise StopIteration

    def close(self) -> None:
        pass

    def __await__(self):
        return iter(())


class TracedTask(asyncio.Task):
    """A subclass of Task, as a loop's task factory may make: still an asyncio.Task."""


class TracedFuture(asyncio.Future):
    """A subclass of Future: still an asyncio future."""


class ForeignFuture:
    """A future of another implementation, no asyncio.Future subclass: it advertises itself to asyncio the way
    asyncio's own pure-Python Future does, with a class attribute `_asyncio_future_blocking` that is not None, so
    asyncio.isfuture (which ensure_future and gather rely on) says yes."""

    _asyncio_future_blocking = False

    def __await__(self) -> Generator["ForeignFuture", None, None]:
        yield self


class Plain:
    """Nothing special about its class; a check sets `__await__` on an instance, which `await` ignores."""


def numbers() -> Generator[int, None, None]:
    yield 1


async def ticks() -> AsyncGenerator[int, None]:
    yield 1


class Raised:
    """What `classify` gives when `kind_of` raised: `expect_kind` reports it, where it can say which object."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class Started:
    """What `classify` gives when `kind_of` started a task (asyncio.ensure_future, create_task) to answer: `expect_kind`
    reports it, whatever `kind_of` returned. The task is cancelled at once."""

    def __init__(self, kind: object) -> None:
        self.kind = kind


@dataclass
class Run:
    """What kind_of's own code did in the last call: the lines that ran, in order, and the line it returned from."""

    lines: list[int] = field(default_factory=list)
    returned_from: int | None = None


RUN = Run()
SHOWN: list[object] = []
"""Every object kind_of was shown, kept to the end: a later object never gets the id of an earlier one."""


def traced(kind_of: Callable[[object], object], obj: object) -> object:
    """`kind_of(obj)`, with the lines of kind_of's own code noted in RUN (none when it is no plain function). The
    trace function there before is put back: the tracer sees kind_of's frames only, not the calls it makes."""
    try:
        code = getattr(inspect.unwrap(kind_of), "__code__", None)
    except Exception:  # a __wrapped__ chain that loops, or an object that raises for any attribute: not traced
        code = None

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            RUN.lines.append(frame.f_lineno)
        elif event == "return":
            RUN.returned_from = frame.f_lineno
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if code is not None and frame.f_code is code else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        return kind_of(obj)
    finally:
        sys.settrace(previous)


def classify(obj: object) -> object:
    # Its only locals are the object, the function and the tasks already there: the answer is named only after
    # kind_of has returned, in expect_kind. Looked up outside the `try`: a kind_of that is not there at all is the
    # plugin's to explain. A task kind_of makes cannot run before all_tasks() is read again: nothing awaits between.
    kind_of = ex.kind_of
    SHOWN.append(obj)
    RUN.lines.clear()
    RUN.returned_from = None
    tasks = asyncio.all_tasks()
    try:
        got = traced(kind_of, obj)
    except NotImplementedError:
        raise  # the stub: the plugin says "not implemented yet"
    except Exception as error:
        return Raised(error)
    started = asyncio.all_tasks() - tasks
    for task in started:
        task.cancel()
    return Started(got) if started else got


UNHASHABLE = (
    "kind_of answers for any object, also one that cannot be a dict key or a set member, such as a list: a cache"
    " keyed by the object (functools.lru_cache, functools.cache, a dict) raises TypeError for it. Drop the cache,"
    " rather than key it by id(obj), which gives back answers about objects that have changed or are gone: the"
    " questions kind_of asks are cheap."
)


FELL_THROUGH = (
    "kind_of reached its end without a `return` for this object, so it returned None: end it with"
    ' `return "not awaitable"`, under no condition, for every object the questions above do not match.'
)


RETURNED_NONE = (
    "kind_of returned None for this object, at `{statement}`, and None is none of the five kinds: {instead}, for"
    " every object the questions above do not match."
)


RETURNED_A_CLASS = (
    "kind_of returned a class, the type it matched, where the caller wants the kind's name: return the string,"
    ' `return "task"`, not `return asyncio.Task`.'
)


def expect_kind(got: object, made_by: str, expected: str, fix: str) -> None:
    """`got`, what `classify(obj)` gave, must be `expected`; `made_by` says in the student's words what `obj` is."""
    if isinstance(got, Raised):
        error = got.error
        said = (str(error).strip().splitlines() or [""])[0][:200]
        fail(
            f"kind_of({made_by}) raised {type(error).__name__}" + (f": {said}" if said else ""),
            expected=f"{expected!r}: kind_of returns one of the five strings, whatever the object, without raising",
            fix=missing_import(error)
            or (UNHASHABLE if isinstance(error, TypeError) and "unhashable" in str(error) else None)
            or "Ask what the object is before touching its attributes or methods: isinstance(obj, asyncio.Task),"
            " asyncio.isfuture(obj), inspect.iscoroutine(obj) and isinstance(obj, collections.abc.Awaitable) work"
            " on any object.",
            at=error,
        )
    if isinstance(got, Started):
        fail(
            f"kind_of({made_by}) started a task to answer (it returned {got.kind!r}): the object is now being run",
            expected=f"{expected!r}, and the object left as it was: kind_of only looks at it",
            fix="asyncio.ensure_future and asyncio.create_task wrap an awaitable in a task and run it, which is"
            " awaiting it, not asking what it is. Ask isinstance(obj, collections.abc.Awaitable) or"
            " inspect.isawaitable(obj): they look at the object's class and run nothing.",
            at=CallIn(ex.kind_of, "ensure_future", "create_task"),
        )
    if got not in KINDS:
        explicit = returned_from() if got is None else None
        fail(
            f"kind_of({made_by}) returned {got!r}",
            expected=f"{expected!r}: kind_of returns one of " + ", ".join(map(repr, KINDS)),
            fix=RETURNED_NONE.format(statement=explicit[0], instead=explicit[2])
            if explicit
            else FELL_THROUGH
            if got is None and not returns_no_value(ex.kind_of)
            else RETURNED_A_CLASS
            if isinstance(got, type)
            else "Return exactly one of those five strings, spelt as shown (lower case, no extra words).",
            at=explicit[1] if explicit else ReturnOf(ex.kind_of, got),
        )
    expect(got == expected, f"kind_of({made_by}) returned {got!r}", expected=repr(expected),
           fix=OVERWRITTEN.format(name=overwritten) if (overwritten := answer_overwritten(got, expected)) else fix,
           at=ReturnOf(ex.kind_of, got))  # fmt: skip


def returned_from() -> tuple[str, Location | None, str] | None:
    """The `return` statement, as written, and its line, that the last call of kind_of returned None from, and what
    to return instead; None when it reached its end instead, or the line is an `if` too (`if x: return None`, where a
    false `x` ends there as well)."""
    source = _Source.of(ex.kind_of)
    if RUN.returned_from is None or source is None:
        return None
    line = RUN.returned_from - source.first + 1
    nodes = [node for node in ast.walk(source.tree) if getattr(node, "lineno", None) == line]
    returns = [node for node in nodes if isinstance(node, ast.Return)]
    if len(returns) != 1 or any(isinstance(node, ast.If) for node in nodes):
        return None
    value = returns[0].value
    statement = ast.unparse(returns[0])
    instead = (
        '`return "not awaitable"` there'
        if value is None or (isinstance(value, ast.Constant) and value.value is None)
        else 'the value returned there must be one of them, "not awaitable"'
    )
    return (statement if len(statement) <= 60 else "return ..."), source.location(line), instead


OVERWRITTEN = (
    "Every `if` runs, one after the other: a later question that also says yes overwrites `{name}` that an earlier"
    " one set (a task is a future too, and every coroutine, future and task is awaitable). Use `elif` for each"
    " question after the first, or return the answer as soon as a question says yes."
)


def answer_overwritten(got: object, expected: str) -> str | None:
    """The name kind_of returned, when in this call one `if` set it to `expected` and a later `if` (not an `elif` of
    it) then set it to `got`, a broader kind (`KINDS` goes from the most specific to the least). A narrower kind set
    later is that question's own mistake, not the overwriting: `if`s asked least specific first overwrite on purpose,
    and `kind = "awaitable"` overwritten by `kind = "coroutine"` for a look-alike is asyncio.iscoroutine's yes."""
    if got not in KINDS or KINDS.index(got) <= KINDS.index(expected):
        return None
    source = _Source.of(ex.kind_of)
    if source is None or not source.tree.body or not isinstance(source.tree.body[0], ast.FunctionDef):
        return None
    body = source.tree.body[0].body
    returned = {node.value.id for node in body if isinstance(node, ast.Return) and isinstance(node.value, ast.Name)}
    setting: dict[int, tuple[int, str, object]] = {}  # line: (which `if` of the body, name, kind set)
    for index, statement in enumerate(body):
        if isinstance(statement, ast.If):
            for node in ast.walk(statement):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                    for target in node.targets:
                        if isinstance(target, ast.Name) and target.id in returned:
                            setting[source.first + node.lineno - 1] = (index, target.id, node.value.value)
    ran = [setting[line] for line in RUN.lines if line in setting]
    for at, (index, name, kind) in enumerate(ran):
        if kind == expected and any(i > index and n == name and k == got for i, n, k in ran[at + 1 :]):
            return name
    return None


AWAITABLE_FIRST = (
    "A {kind} is awaitable too, so the awaitable question says yes to it: ask {question} before"
    " isinstance(obj, collections.abc.Awaitable) or inspect.isawaitable(obj), the most specific question first."
)


def awaitable_first(got: object, kind: str, question: str, fix: str) -> str:
    """`fix`, or, when kind_of called an object of that kind 'awaitable', why the awaitable question comes last."""
    return AWAITABLE_FIRST.format(kind=kind, question=question) if got == "awaitable" else fix


TASK_FIRST = (
    "A task is a future that runs a coroutine: asyncio.Task extends asyncio.Future, so asyncio.isfuture is true for"
    " tasks too. Ask isinstance(obj, asyncio.Task) before you ask about futures; isinstance, not type(obj) is"
    " asyncio.Task, so that subclasses count too."
)
ENDED = (
    "A {kind} is still a {kind} once it is done: kind_of names what the object is, not whether it has finished."
    " Ask {question}, true whatever obj.done() or obj.cancelled() says."
)


@check("a Task is a 'task' (never a 'future'), whether it is pending, done or cancelled, and so is a Task subclass")
async def test_task_is_task():
    fix = TASK_FIRST
    if CallIn(ex.kind_of, "all_tasks").found() is not None:
        fix = (
            "asyncio.all_tasks() lists only the tasks not done yet, so a finished or cancelled task is not in it:"
            " ask isinstance(obj, asyncio.Task), true for every task, done or not, and for subclasses of Task."
        )
    elif CallIn(ex.kind_of, "current_task").found() is not None:
        fix = (
            "asyncio.current_task() is the one task running now, the one that called kind_of, not the task it is"
            " shown: ask isinstance(obj, asyncio.Task), true for every task, running or not."
        )
    # Shown after a pending task that passed, a finished or cancelled one that fails is told apart by its state.
    ended = ENDED.format(kind="task", question="isinstance(obj, asyncio.Task)") if fix is TASK_FIRST else fix
    pending = asyncio.create_task(asyncio.sleep(10))
    finished = asyncio.create_task(fetch())
    cancelled = asyncio.create_task(asyncio.sleep(10))
    traced = TracedTask(asyncio.sleep(10))
    try:
        got = classify(pending)
        first = awaitable_first(got, "task", "isinstance(obj, asyncio.Task)", fix)
        expect_kind(got, "asyncio.create_task(asyncio.sleep(10)), still pending", "task", first)
        await finished
        expect_kind(classify(finished), "a task that has finished", "task", ended)
        cancelled.cancel()
        await asyncio.gather(cancelled, return_exceptions=True)
        expect_kind(classify(cancelled), "a task that was cancelled", "task", ended)
        expect_kind(classify(traced), "TracedTask(asyncio.sleep(10)), where TracedTask subclasses asyncio.Task",
                    "task", fix)  # fmt: skip
    finally:
        pending.cancel()
        traced.cancel()
        await asyncio.gather(pending, traced, return_exceptions=True)


@check(
    "any other asyncio future is a 'future': loop.create_future(), asyncio.gather(...), asyncio.wrap_future(...),"
    " a Future subclass, any object asyncio.isfuture accepts"
)
async def test_future_is_future():
    fix = (
        "asyncio.isfuture(obj) is true for every asyncio future, also for subclasses and for future-like objects"
        " that are no asyncio.Future at all; once tasks are ruled out, what is left is a 'future'."
    )
    loop = asyncio.get_running_loop()
    pending = loop.create_future()
    done = loop.create_future()
    done.set_result(42)
    gathering = asyncio.gather(fetch())
    wrapped = asyncio.wrap_future(concurrent.futures.Future())
    traced = TracedFuture()
    try:
        got = classify(pending)
        expect_kind(got, "loop.create_future(), not done yet", "future",
                    awaitable_first(got, "future", "asyncio.isfuture(obj)", fix))  # fmt: skip
        done_fix = ENDED.format(kind="future", question="asyncio.isfuture(obj)")  # the pending one passed first
        expect_kind(classify(done), "a future whose result is set", "future", done_fix)
        expect_kind(classify(gathering), "asyncio.gather(fetch()), a future but not a task", "future", fix)
        expect_kind(classify(wrapped), "asyncio.wrap_future(a concurrent.futures.Future)", "future", fix)
        expect_kind(classify(traced), "TracedFuture(), where TracedFuture subclasses asyncio.Future", "future", fix)
        expect_kind(
            classify(ForeignFuture()),
            "a future-like object that is no asyncio.Future: its class sets _asyncio_future_blocking = False and"
            " defines __await__, so asyncio.isfuture is true for it",
            "future",
            fix,
        )
    finally:
        await gathering
        wrapped.cancel()


SPENT = (
    "A coroutine is still a coroutine object once it has run to its end: inspect.iscoroutine(obj) stays true."
    " kind_of names what the object is, not whether awaiting it again would work (a finished task is still a 'task')."
)
STARTED = (
    "A coroutine is still a coroutine object while it runs, suspended in an `await`: inspect.iscoroutine(obj) is"
    " true whatever inspect.getcoroutinestate(obj) says. kind_of names what the object is, not what it is doing."
)


@check("what calling an async def function gives is a 'coroutine', whether it has started, is running or has ended")
async def test_coroutine_object_is_coroutine():
    fix = (
        "Calling an async def function runs nothing yet: it gives a coroutine object, for which"
        " inspect.iscoroutine(obj) is true."
    )
    running = asyncio.create_task(asyncio.sleep(10))
    fresh, method_call, spent = fetch(), Client().get(), fetch()
    await spent
    await asyncio.sleep(0)  # the task's first step: its coroutine is now suspended in the sleep, started
    try:
        for obj, made_by, why in (
            (fresh, "fetch(), where fetch is an async def function", fix),
            (method_call, "client.get(), where get is an async def method", fix),
            (running.get_coro(), "task.get_coro(), the coroutine a task is running", STARTED),
            (spent, "a coroutine that was awaited to its end", SPENT),
        ):
            state = inspect.getcoroutinestate(obj)
            got = classify(obj)
            expect_kind(got, made_by, "coroutine", awaitable_first(got, "coroutine", "inspect.iscoroutine(obj)", why))
            now = inspect.getcoroutinestate(obj)
            expect(
                now == state,
                f"kind_of({made_by}) returned 'coroutine' and changed the coroutine: it was {state}, it is now {now}",
                expected="the coroutine left as it was: kind_of only looks at it",
                fix="close(), send() and throw() drive or end a coroutine: after close(), awaiting it raises"
                " RuntimeError ('cannot reuse already awaited coroutine') and a task that runs it fails. Closing it is"
                " for its owner; kind_of only asks inspect.iscoroutine(obj).",
                at=CallIn(ex.kind_of, "close", "send", "throw"),
            )
    finally:
        fresh.close()
        method_call.close()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)


@check("an async def function itself is 'not awaitable': only calling it gives a coroutine")
async def test_async_def_function_is_not_awaitable():
    fix = (
        "`await fetch` is a TypeError; `await fetch()` works. A coroutine *function* is not a coroutine:"
        " inspect.iscoroutinefunction answers a different question from inspect.iscoroutine."
    )
    expect_kind(classify(fetch), "fetch, the async def function itself (not called)", "not awaitable", fix)
    expect_kind(classify(Client().get), "client.get, an async def method (not called)", "not awaitable", fix)
    expect_kind(classify(asyncio.sleep), "asyncio.sleep, the function itself", "not awaitable", fix)


NOT_EVERY_AWAITABLE = (
    "Only what calling an async def gives is a 'coroutine': ask inspect.iscoroutine(obj). inspect.isawaitable(obj)"
    " and isinstance(obj, collections.abc.Awaitable) say yes to every awaitable, this one too: they answer the"
    " 'awaitable' question, asked after the others."
)


REMEMBERED = (
    "kind_of remembered its answer from an earlier call about the same object: a cache keyed by the object or by"
    " id(obj) gives it back after the object has changed, and gives an object whose id was a dead object's the dead"
    " one's answer. Ask what the object is each time kind_of is called, and drop the cache: the questions it asks"
    " are cheap."
)


def returned_from_line() -> Location | None:
    """The line the last call of kind_of returned from (`return cache[key]`), or its `def` when its own code did not
    run (a cache wrapped around it answered) or was not traced."""
    source = _Source.of(ex.kind_of)
    if RUN.returned_from is None or source is None:
        return where(ex.kind_of)
    return source.location(RUN.returned_from - source.first + 1) or where(ex.kind_of)


def as_coroutine(got: object, fix: str) -> str:
    """`fix`, or, when kind_of called a plain awaitable a 'coroutine', why only an async def's call is one."""
    return NOT_EVERY_AWAITABLE if got == "coroutine" else fix


@check("any other object whose class defines __await__ is an 'awaitable'")
async def test_custom_awaitable_is_awaitable():
    ready = Ready()
    got = classify(ready)
    expect_kind(
        got,
        "an object whose class defines only __await__",
        "awaitable",
        as_coroutine(
            got,
            "`await` accepts any object whose class defines __await__: isinstance(obj, collections.abc.Awaitable) or"
            " inspect.isawaitable(obj) asks exactly that.",
        ),
    )
    expect(await ready == "ready", "awaiting the hand-made awaitable did not give 'ready'", expected="'ready'",
           fix="kind_of only looks at the object: it must not await, start or change it.", at=ex.kind_of)  # fmt: skip
    got = classify(ReadyToo())
    expect_kind(
        got,
        "an object whose class inherits __await__ from its base class",
        "awaitable",
        as_coroutine(
            got,
            "`await` finds __await__ on the class or any base class, as attribute lookup on the type does:"
            " isinstance(obj, collections.abc.Awaitable) asks exactly that; type(obj).__dict__ sees only the class"
            " itself.",
        ),
    )
    changed = Plain()
    before = classify(changed)  # its answer as it was, whatever it is: the other-objects check judges that one
    changed.__class__ = ReadyToo
    got = classify(changed)
    made_by = (
        "an object asked about before, when its class had no __await__, whose class is now one that inherits"
        " __await__ (obj.__class__ = ReadyToo)"
    )
    if isinstance(got, str) and got == before and got != "awaitable":
        fail(
            f"kind_of({made_by}) returned {got!r} again, its answer about this object before the class changed",
            expected="'awaitable', as for a new object of that class: kind_of answers for the object as it is now",
            fix=REMEMBERED,
            at=returned_from_line(),
        )
    expect_kind(got, made_by, "awaitable", as_coroutine(got, "`await` asks the object's class as it is now."))
    got = classify(CallableReady())
    expect_kind(
        got,
        "an object whose class defines __await__ and __call__",
        "awaitable",
        as_coroutine(
            got,
            "Being callable says nothing about `await`: an object whose class defines __await__ is awaitable,"
            " callable or not. Ask isinstance(obj, collections.abc.Awaitable), not callable(obj).",
        ),
    )
    expect_kind(
        classify(LooksLikeACoroutine()),
        "an object that implements the coroutine interface (send, throw, close, __await__) by hand",
        "awaitable",
        "Only what calling an async def gives is a 'coroutine': ask inspect.iscoroutine(obj). asyncio.iscoroutine"
        " and isinstance(obj, collections.abc.Coroutine) also say yes to objects that merely look like coroutines"
        " (asyncio.iscoroutine, before Python 3.12, to plain generators too).",
    )


@check(
    "everything else is 'not awaitable': a generator, an async generator, a concurrent.futures.Future, a number,"
    " None, a list, an object whose __await__ is set on the instance, not its class"
)
async def test_other_objects_are_not_awaitable():
    generator = numbers()
    expect_kind(
        classify(generator),
        "numbers(), a plain generator (def with yield)",
        "not awaitable",
        "A generator is not a coroutine, and `await` refuses it: ask inspect.iscoroutine, not asyncio.iscoroutine"
        " (which said yes to generators before Python 3.12).",
    )
    stream = ticks()
    expect_kind(
        classify(stream),
        "ticks(), an async generator (async def with yield)",
        "not awaitable",
        "An async generator is iterated with `async for`, not awaited: it is not a coroutine (inspect.iscoroutine is"
        " false for it) and its class has no __await__.",
    )
    expect_kind(
        classify(concurrent.futures.Future()),
        "concurrent.futures.Future(), a thread pool's future",
        "not awaitable",
        "A concurrent.futures.Future has no __await__ and asyncio.isfuture is false for it: `await` refuses it"
        " (asyncio.wrap_future turns it into an asyncio future). Test for asyncio futures only.",
    )
    for value, shown in ((42, "42"), (None, "None"), ("await me", "'await me'"), (print, "print"), ([1, 2], "[1, 2]")):
        expect_kind(
            classify(value), shown, "not awaitable", "Only objects whose class defines __await__ can be awaited."
        )
    disguised = Plain()
    disguised.__await__ = Ready().__await__
    expect_kind(
        classify(disguised),
        "an object whose class defines no __await__, with obj.__await__ set on the instance",
        "not awaitable",
        "`await` looks for __await__ on the object's class, not on the object, so `await obj` is a TypeError here:"
        " asking the object, with hasattr(obj, '__await__'), dir(obj) or a runtime_checkable Protocol (which looks"
        " at the instance too), is the wrong question; isinstance(obj, collections.abc.Awaitable) or"
        " inspect.isawaitable(obj) asks the class.",
    )
