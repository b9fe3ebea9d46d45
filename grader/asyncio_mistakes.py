"""The errors asyncio (and aiohttp) raise for a learner's classic mistakes, each with the fix in the lesson's words.

asyncio's messages say what went wrong in asyncio's terms ("This event loop is already running"), not which
habit caused it (`run_until_complete` inside a coroutine). When the student's code raised one of these,
`grader.diagnose` adds the fix below to "make_request() raised RuntimeError: ...". The texts are the same on
Python 3.10 to 3.13 (but for a plain `with` on an asynchronous context manager, which 3.10 reports as
`AttributeError: __enter__`, naming no object, and `async with` on a plain one, `AttributeError: __aenter__`); one
that changes wording in a later Python just goes without a fix, as any other error does.
"""

from __future__ import annotations

import ast
import asyncio
import concurrent.futures
import difflib
import inspect
import linecache
import os
import re
import sys
import traceback
from dataclasses import dataclass
from types import CoroutineType, FrameType, TracebackType


@dataclass(frozen=True)
class Mistake:
    kind: type[BaseException]
    says: str
    """A part of the exception's message that only this mistake produces."""
    fix: str
    raised_in: str = ""
    """Where the exception must have been raised (the end of the innermost frame's file name), when its message
    alone is shared with other mistakes."""


MISTAKES = (
    Mistake(
        RuntimeError,
        "cannot schedule new futures after shutdown",
        "This pool was shut down already, and a shut-down pool takes no more work: leaving a `with` block (or"
        " calling shutdown()) ends it for good, so a pool made once, at import, is over once a call has left its"
        " block. Make the pool inside the function, `with ProcessPoolExecutor() as pool:` (or the executor you"
        " use), so that every call gets its own.",
    ),
    Mistake(
        RuntimeError,
        "asyncio.run() cannot be called from a running event loop",
        "Your code already runs on an event loop: `await` the coroutine, or schedule it with "
        "`asyncio.create_task(...)`. asyncio.run starts a loop, once, from plain code at the program's top.",
    ),
    Mistake(
        RuntimeError,
        "This event loop is already running",
        "run_until_complete drives a loop from outside; code the loop is running (a coroutine, a callback) "
        "cannot call it. `await` the coroutine there instead.",
    ),
    Mistake(
        RuntimeError,
        "no running event loop",
        "asyncio.get_running_loop() and asyncio.create_task() work only in code that a running loop runs (a "
        "coroutine, or a function called from one); here no loop was running.",
    ),
    Mistake(
        RuntimeError,
        "There is no current event loop",
        "asyncio.get_event_loop() (also called by asyncio.gather() with nothing to gather, and by asyncio.Future()) "
        "only finds a loop set as current. Inside running code ask asyncio.get_running_loop(); to run a coroutine "
        "from plain code, make a loop with asyncio.new_event_loop().",
    ),
    Mistake(
        RuntimeError,
        "Event loop is closed",
        "That loop was closed already: close a loop last, in a `finally`, and make a new one with "
        "asyncio.new_event_loop() for each run.",
    ),
    Mistake(
        RuntimeError,
        "cannot reuse already awaited coroutine",
        "A coroutine object runs once: call the async def function again for a new one.",
    ),
    Mistake(
        RuntimeError,
        "attached to a different loop",
        "That future belongs to another event loop than the one running your coroutine (one made with"
        " asyncio.new_event_loop(), say, which nothing runs): in a coroutine, use the loop that runs it,"
        " `loop = asyncio.get_running_loop()`.",
    ),
    Mistake(
        asyncio.InvalidStateError,
        "Result is not set",
        "A task's result() is there only once the task is done, which no sleep promises: await the tasks first"
        " (`results = await asyncio.gather(*tasks)`, or `await task`), then read them.",
    ),
    Mistake(
        TypeError,
        "a coroutine was expected, got",
        "create_task takes a coroutine object, what calling an async def function gives: "
        "`asyncio.create_task(work(x))`, not `asyncio.create_task(work)`. A future, what loop.run_in_executor "
        "returns, is running already: await it or gather it as it is, with no task around it.",
    ),
    Mistake(
        TypeError,
        "An asyncio.Future, a coroutine or an awaitable is required",
        "asyncio.gather and asyncio.ensure_future take awaitables: pass `work(x)`, the coroutine, not `work`, the "
        "function, nor a value already computed.",
    ),
    Mistake(
        ValueError,
        "/Futures is empty",  # "Set of Tasks/Futures is empty." from 3.11, "Set of coroutines/Futures ..." on 3.10
        "asyncio.wait() refuses an empty set: wait only while something is pending, `while pending :="
        " asyncio.all_tasks(loop): loop.run_until_complete(asyncio.wait(pending))`.",
        raised_in=os.path.join("asyncio", "tasks.py"),
    ),
    Mistake(
        RuntimeError,
        "Task got bad yield",  # a plain generator run as a task: asyncio.gather(x for x in xs) up to Python 3.11
        "asyncio ran a plain generator as if it were a coroutine, and it yielded something asyncio cannot wait on:"
        " hand asyncio coroutines (what calling an async def function gives), tasks or futures.",
    ),
    Mistake(
        ValueError,
        "could not convert string to float: '%",  # float() of a piece of a log record's msg, its format string
        "record.msg is the message's format string, 'Executing %s took %.3f seconds', placeholders and all:"
        " record.getMessage() gives the text with the values filled in, and record.args[-1] the duration itself.",
    ),
    Mistake(
        TypeError,
        "unhashable type: 'list'",
        "asyncio.gather takes the awaitables one by one, not a list of them: unpack it, `asyncio.gather(*tasks)`.",
        raised_in=os.path.join("asyncio", "tasks.py"),  # gather, keeping track of what it was given
    ),
    Mistake(
        TypeError,
        "can't be used in 'await' expression",
        "Only awaitables (coroutines, tasks, futures) go after `await`: `await f(x)` on a plain function runs f "
        "right there, blocking the loop, then fails on its result (`await time.sleep(x)` fails on None). Pause with "
        "`await asyncio.sleep(x)`; run a blocking function elsewhere with `await loop.run_in_executor(None, f, x)`.",
    ),
    Mistake(
        TypeError,
        "object is not callable",
        "run_in_executor takes the function and its arguments apart: `loop.run_in_executor(None, f, x)`. "
        "`loop.run_in_executor(None, f(x))` calls f right there, in the loop's thread, and hands the executor its "
        "result, which it cannot call.",
        raised_in=os.path.join("concurrent", "futures", "thread.py"),  # an executor's thread called it
    ),
    *(
        Mistake(
            Exception,  # AttributeError up to 3.13, pickle.PicklingError from 3.14
            says,
            "A process pool sends the function to its worker process by pickling it, which finds a function by its"
            " name in its module: a lambda or a function defined inside another has none there. Pass a function"
            " defined at the module's top level and its argument apart, `loop.run_in_executor(pool, work, n)` (or"
            " `functools.partial(work, n)`).",
        )
        for says in ("Can't pickle local object", "Can't get local object", "Can't pickle <function <lambda>")
    ),
    Mistake(
        AttributeError,
        "'ClientResponse' object has no attribute 'status_code'",
        "aiohttp's response calls its status code `status`; `status_code` is the name requests uses:"
        " `return response.status`.",
    ),
    Mistake(
        TypeError,
        "Use async with instead",
        "aiohttp's ClientSession is an asynchronous context manager: write `async with aiohttp.ClientSession() as"
        " session:`, inside a coroutine; leaving the block closes the session.",
        raised_in=os.path.join("aiohttp", "client.py"),  # ClientSession.__enter__, for a plain `with`
    ),
    Mistake(
        AttributeError,
        "object has no attribute 'submit'",
        "run_in_executor takes the executor first, then the function and its arguments:"
        " `loop.run_in_executor(pool, work, n)`, or `loop.run_in_executor(None, func, arg)` for the loop's own"
        " thread pool. Handed the function first, the loop took it for the executor.",
        raised_in=os.path.join("asyncio", "base_events.py"),  # run_in_executor, calling executor.submit(...)
    ),
)


REQUEST_NEEDS_ASYNC_WITH = (
    "aiohttp's session.get(...) is an asynchronous context manager: write `async with session.get(url) as"
    " response:`. `async with` awaits the answer as the block opens and releases it as the block ends; a plain"
    " `with` cannot wait."
)
REQUEST_CONTEXT_MANAGERS = ("_BaseRequestContextManager", "_RequestContextManager")
"""What session.get(...) returns: aiohttp 3.13's class, and the subclass older releases return."""
ASYNC_CONTEXT_MANAGERS = {
    **dict.fromkeys(REQUEST_CONTEXT_MANAGERS, REQUEST_NEEDS_ASYNC_WITH),
    **{
        name: f"asyncio's {name} is an asynchronous context manager: write `async with`, inside a coroutine."
        for name in ("Lock", "Semaphore", "BoundedSemaphore", "Condition", "TaskGroup", "Timeout")
    },
    **dict.fromkeys(
        ("_UnixSelectorEventLoop", "_WindowsSelectorEventLoop", "ProactorEventLoop", "SelectorEventLoop"),
        "An event loop is no context manager, so `with` cannot close it: `loop = asyncio.new_event_loop()`, then"
        " `try: ... finally: loop.close()`, or `with contextlib.closing(asyncio.new_event_loop()) as loop:`.",
    ),
}
"""Objects that only `async with` takes (and event loops, which no `with` takes), by the type name that `with` names
when it refuses them."""
SYNC_CONTEXT_MANAGERS = {
    **{
        name: f"A {name} is a plain context manager: `with {name}() as pool:`, without `async`. Inside the block,"
        " `await` what run_in_executor returns."
        for name in ("ProcessPoolExecutor", "ThreadPoolExecutor")
    },
    "Session": "requests.Session is a plain context manager, `with requests.Session() as session:`, without `async`.",
}
"""Objects that only a plain `with` takes, by the type name that `async with` names when it refuses them."""
_NOT_A_CONTEXT_MANAGER = re.compile(
    r"'(?P<kind>\w+)' object does not support the (?P<asynchronous>asynchronous )?context manager protocol"
)
_CLASS_IN_WITH = re.compile(r"\b(?P<keyword>(?:async\s+)?with)\s+(?P<name>[\w.]+)\s*(?:as\b|:|,)")


def asyncio_fix(exc: BaseException) -> str | None:
    """The fix for the mistake `exc` betrays, or None when it is not one of asyncio's telling errors."""
    message = str(exc)
    for mistake in MISTAKES:
        if isinstance(exc, mistake.kind) and mistake.says in message and _raised_in(exc, mistake.raised_in):
            return (
                _function_not_called(exc)
                or _generator_not_unpacked(exc)
                or _returned_a_result(exc)
                or _kept_closed_loop(exc)
                or _executors_own_future(exc)
                or _awaited_a_value(exc)
                or _waited_on_nothing(exc)
                or _not_an_executor(exc)
                or _drove_the_running_loop_from_plain_code(exc)
                or mistake.fix
            )
    if isinstance(exc, TypeError) and (match := _NOT_A_CONTEXT_MANAGER.match(message)):
        if match["kind"] == "type":
            return _class_not_called(exc)
        if match["asynchronous"]:
            return SYNC_CONTEXT_MANAGERS.get(match["kind"])
        return ASYNC_CONTEXT_MANAGERS.get(match["kind"])  # Python 3.11+; 3.10 says only "AttributeError: __enter__"
    if isinstance(exc, AttributeError):
        return _newer_than_this_python(exc) or _awaited_after_the_attribute(exc, message) or _read_before_awaiting(exc)
    return _one_call_for_many(exc)


NEWER_ASYNCIO = {
    "TaskGroup": ((3, 11), "start the tasks with `asyncio.create_task(...)` and wait for them with `asyncio.gather`"),
    "timeout": ((3, 11), "bound the wait with `await asyncio.wait_for(awaitable, seconds)`"),
    "timeout_at": ((3, 11), "bound the wait with `await asyncio.wait_for(awaitable, seconds)`"),
}
"""asyncio's names that the exercises' texts mention (TaskGroup, in 04 and 05) or a reader of today's docs reaches
for, but that the oldest Python the kit supports lacks: the version that brought each, and what does the same
before it. (Not `Runner`: 07, the one exercise that runs a loop itself, forbids it and `asyncio.run` alike.)"""


def _newer_than_this_python(exc: AttributeError) -> str | None:
    """The fix for `asyncio.TaskGroup` (say) on a Python that has none: Python's own message reads as a typo.
    Python 3.10+ keeps the module and the name on the exception."""
    if getattr(exc, "obj", None) is not asyncio:
        return None
    return newer_asyncio(getattr(exc, "name", None) or "")


_CANNOT_IMPORT = re.compile(r"cannot import name '(?P<name>\w+)' from 'asyncio'")


def newer_asyncio_import(exc: BaseException) -> str | None:
    """The fix for `from asyncio import TaskGroup` (say) at the top of a file, on a Python that has none."""
    if not isinstance(exc, ImportError) or (found := _CANNOT_IMPORT.match(str(exc))) is None:
        return None
    return newer_asyncio(found["name"])


def newer_asyncio(name: str) -> str | None:
    """What to say of asyncio's `name` when this Python lacks it and a newer one has it (NEWER_ASYNCIO)."""
    if name not in NEWER_ASYNCIO or hasattr(asyncio, name):
        return None
    (major, minor), instead = NEWER_ASYNCIO[name]
    this = ".".join(map(str, sys.version_info[:2]))
    return (
        f"asyncio.{name} is new in Python {major}.{minor}, and this is Python {this}: {instead}, or grade with"
        f" Python {major}.{minor} or newer."
    )


_AWAITABLE_TAKERS = ("create_task", "ensure_future", "gather", "run_until_complete", "run", "wait_for", "shield")


_WRONG_COUNT = re.compile(r"takes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:were|was) given")
_STARRED_INTO_THE_EXECUTOR = re.compile(r"run_in_executor\((?:[^#]*,)?\s*\*\s*\w")
_EXECUTOR_CALL = re.compile(
    r"run_in_executor\(\s*(?P<pool>[\w.]+)\s*,\s*(?P<func>[\w.]+)\s*,\s*\*\s*(?P<items>[\w.]+)\s*\)"
)
"""`run_in_executor(pool, work, *ns)`: a star that opens an argument (after the parenthesis or a comma), not the
one of a product (`work, n * 2, n`), whose wrong count of arguments is another mistake."""


def _one_call_for_many(exc: BaseException) -> str | None:
    """The fix for `loop.run_in_executor(pool, work, *ns)`: one call of work with every item as an argument, which
    work refuses; read from the student's line that handed them over, wherever the call itself failed."""
    if not isinstance(exc, TypeError) or not _WRONG_COUNT.search(str(exc)):
        return None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        line = linecache.getline(frame.f_code.co_filename, lineno)
        if _STARRED_INTO_THE_EXECUTOR.search(line):
            # In the student's own names when the call reads plainly (`run_in_executor(None, get_status, *urls)`).
            named = _EXECUTOR_CALL.search(line)
            pool, func, items = (named["pool"], named["func"], named["items"]) if named else ("pool", "work", "ns")
            item = "item" if items in ("item", "one") else (items[:-1] if items.endswith("s") else "one")
            return (
                "run_in_executor(pool, func, *args) makes one call, func(*args): unpacking the whole list there hands"
                " every item to a single call. Submit one call per item and gather them:"
                f" `await asyncio.gather(*(loop.run_in_executor({pool}, {func}, {item}) for {item} in {items}))`."
            )
    return None


def _function_not_called(exc: BaseException) -> str | None:
    """For what the student's line handed asyncio where an awaitable was due, the fix in their own names: an async
    def function itself (`asyncio.create_task(work)`, `loop.run_until_complete(main)`), or a list of awaitables
    not unpacked (`asyncio.gather(tasks)`). Read from that line and its frame; None when they say otherwise."""
    if not isinstance(exc, TypeError):
        return None
    frame, tree = _callers_statement(exc)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        taker = getattr(node.func, "attr", getattr(node.func, "id", None))
        if taker not in _AWAITABLE_TAKERS:
            continue
        for argument in node.args:
            if isinstance(argument, ast.Attribute) and frame is not None:
                if (method := _coroutine_method(argument, frame)) is not None:
                    call = ast.unparse(node.func)
                    return (
                        f"`{call}({method})` hands asyncio the method itself; it takes the coroutine object that"
                        f" calling it gives: `{call}({method}())`."
                    )
            if not isinstance(argument, ast.Name) or frame is None:
                continue
            value = frame.f_locals.get(argument.id, frame.f_globals.get(argument.id))
            name, call = argument.id, ast.unparse(node.func)
            if inspect.iscoroutinefunction(value):
                called = (
                    f"`{call}({name}())`."
                    if _takes_nothing(value)
                    else f"`{call}({name}(...))`, with {name}'s arguments."
                )
                return (
                    f"`{call}({name})` hands asyncio the async def function itself; it takes the coroutine object"
                    f" that calling it gives: {called}"
                )
            if isinstance(value, (list, tuple)) and taker == "gather":
                return f"asyncio.gather takes the awaitables one by one: unpack the list, `{call}(*{name})`."
    return None


def _takes_nothing(func: object, *, skip_first: bool = False) -> bool:
    """True when `func` is called with no arguments (ex09's `main`): `main(...)`, "with main's arguments", would
    send a student looking for arguments that are not there, or typing the three dots. `skip_first`: `func` is a
    method read from its class, whose `self` the call does not pass."""
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty for p in parameters[1 if skip_first else 0 :])


def _coroutine_method(argument: ast.Attribute, frame: FrameType) -> str | None:
    """`loop.shutdown_asyncgens`, as written, when `argument` is an async def method of a local or global object
    (the parentheses forgotten); None otherwise. Only a name's attribute is looked up: nothing is evaluated."""
    owner = argument.value
    if not isinstance(owner, ast.Name):
        return None
    found = frame.f_locals.get(owner.id, frame.f_globals.get(owner.id))
    if found is None or inspect.ismodule(found):  # `asyncio.sleep`: a function, which the fix above speaks of
        return None
    method = inspect.getattr_static(found, argument.attr, None)
    return ast.unparse(argument) if inspect.iscoroutinefunction(method) else None


def _class_not_called(exc: BaseException) -> str | None:
    """For `async with aiohttp.ClientSession as session:`, the parentheses forgotten: `with` was handed the class,
    not an object of it. Read from the student's line; None when it says otherwise."""
    _, line = _callers_frame(exc)
    if (found := _CLASS_IN_WITH.search(line)) is None:
        return None
    name, keyword = found["name"], " ".join(found["keyword"].split())
    return f"`{name}` is the class itself, not an object of it: call it, `{keyword} {name}() as ...:`."


def _generator_not_unpacked(exc: BaseException) -> str | None:
    """For `asyncio.gather(work(x) for x in xs)`, the star forgotten: gather takes the generator itself for one
    awaitable, which Python 3.12+ refuses (TypeError) and 3.10 and 3.11 run as a task that yields coroutines ("Task
    got bad yield"). Read from the student's line; None when it says otherwise."""
    if not isinstance(exc, (TypeError, RuntimeError)):
        return None
    for node in ast.walk(_callers_statement(exc)[1]):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "gather":
            generators = [argument for argument in node.args if isinstance(argument, ast.GeneratorExp)]
            if generators:
                call = ast.unparse(node.func)
                return (
                    f"{call} takes the awaitables one by one, not a generator of them: unpack it with a star,"
                    f" `{call}(*{ast.unparse(generators[0])})`."
                )
    return None


def _returned_a_result(exc: BaseException) -> str | None:
    """For `return future.result()` in a function meant to hand out the future (ex01's make_request), the fix in the
    student's names: awaiting is the caller's business. None for any other line (a task's result read too soon)."""
    if not isinstance(exc, asyncio.InvalidStateError):
        return None
    statement = _callers_statement(exc)[1].body[0]
    value = statement.value if isinstance(statement, ast.Return) else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "result"):
        return None
    if value.args or value.keywords:
        return None
    name = ast.unparse(value.func.value)
    return (
        f"`return {name}.result()` reads the result before anything has set it, and result() raises until then:"
        f" return the future itself, `return {name}`. Whoever awaits it gets the result once it is set."
    )


def _kept_closed_loop(exc: BaseException) -> str | None:
    """For "Event loop is closed" from a loop the student's module keeps in a global (the running loop cached on a
    first call, say), the fix in their own name: that loop belonged to an earlier run, which closed it, and "close a
    loop last" would blame a close() they never wrote. None when no global of theirs holds a closed loop."""
    if "Event loop is closed" not in str(exc):
        return None
    frame, _ = _callers_frame(exc)
    if frame is None:
        return None
    for name, value in frame.f_globals.items():
        if isinstance(value, asyncio.AbstractEventLoop) and value.is_closed():
            return (
                f"`{name}` keeps a loop from an earlier run, which closed it: each run (each asyncio.run, each"
                " test) has a loop of its own. Do not keep a loop for later: in code a loop runs, ask"
                " asyncio.get_running_loop() each time; to run a coroutine, make a new loop with"
                " asyncio.new_event_loop()."
            )
    return None


SUBMITTED = (
    "pool.submit(...) gives a concurrent.futures.Future, which asyncio cannot await. Hand the call to the pool"
    " through the running loop, `loop.run_in_executor(pool, work, n)`, whose future you can await (or wrap one,"
    " `asyncio.wrap_future(pool.submit(work, n))`)."
)


def _executors_own_future(exc: BaseException) -> str | None:
    """For a concurrent.futures.Future (what `pool.submit` gives) awaited or handed to asyncio.gather: the way to an
    asyncio future. Python names it only "Future" when awaited (asyncio's own Future is awaitable, so it is not
    that one); gather's refusal names nothing, so the value is looked for in the frame that refused it."""
    if isinstance(exc, TypeError) and "object Future can't be used in 'await' expression" in str(exc):
        return SUBMITTED
    if not isinstance(exc, TypeError) or "awaitable is required" not in str(exc) or (tb := _innermost(exc)) is None:
        return None
    refused = tb.tb_frame.f_locals.values()
    return SUBMITTED if any(isinstance(v, concurrent.futures.Future) for v in refused) else None


def _awaited_a_value(exc: BaseException) -> str | None:
    """For `await response.status`: an attribute awaited that is a plain value (an int), not an awaitable."""
    said = re.match(r"object (\w+) can't be used in 'await' expression", str(exc))
    if not isinstance(exc, TypeError) or said is None:
        return None
    frame, line = _callers_frame(exc)
    awaited = re.search(r"\bawait\s+((?:\w+\.)+\w+)\b(?!\s*[(\[.])", line)
    if awaited is None:
        return None
    if said[1] in _CALLABLE_KINDS:  # `await response.json`: the call is what is missing, not a value awaited
        return _not_called(awaited[1], frame)
    return (
        f"`{awaited[1]}` is a plain value (`{said[1]}`), not an awaitable: there is nothing to wait for, so read it"
        f" without `await`: `{awaited[1]}`."
    )


_CALLABLE_KINDS = ("function", "method", "builtin_function_or_method", "method-wrapper", "partial")
"""The type names Python gives for a function awaited uncalled."""


def _not_called(dotted: str, frame: FrameType | None) -> str | None:
    """For `await response.json` (or `await asyncio.sleep`): the async def function or method `dotted` names,
    awaited without the call that makes its coroutine. None when it is not one (a plain function, which the
    generic fix speaks of) or cannot be looked up without running anything."""
    if frame is None:
        return None
    first, *attributes = dotted.split(".")
    owner = None
    found = frame.f_locals.get(first, frame.f_globals.get(first))
    for attribute in attributes:
        owner, found = found, inspect.getattr_static(found, attribute, None)
    if not inspect.iscoroutinefunction(found):
        return None
    bound = not inspect.ismodule(owner) and not inspect.isclass(owner) and inspect.isfunction(found)
    call = f"{dotted}()" if _takes_nothing(found, skip_first=bound) else f"{dotted}(...)"
    kind = "method" if bound else "function"
    return (
        f"`{dotted}` is an async def {kind} that was never called, so `await` got the {kind} itself: call it,"
        f" `await {call}`, to get the coroutine object that `await` runs."
    )


def _waited_on_nothing(exc: BaseException) -> str | None:
    """For asyncio.wait() of an empty list in a coroutine (ns or urls empty): the fix there. A loop driven by hand
    (`run_until_complete(asyncio.wait(pending))`, exercise 07) keeps the fix for waiting in a loop."""
    if not isinstance(exc, ValueError) or "/Futures is empty" not in str(exc):
        return None
    _, line = _callers_frame(exc)
    if "run_until_complete" in line:
        return None
    return (
        "asyncio.wait() refuses an empty collection, which an empty list of inputs gives: return early when there is"
        " nothing to wait for (`if not futures: return []`), or collect the results with"
        " `await asyncio.gather(*futures)`, which gives [] for none."
    )


def _not_an_executor(exc: BaseException) -> str | None:
    """For run_in_executor handed, as its executor, something that is neither a function (the arguments swapped,
    which the generic fix speaks of) nor an executor: multiprocessing's Pool above all, the other pool the standard
    library offers, whose methods are not the ones asyncio calls. Python 3.10+ keeps the object on the exception."""
    if not isinstance(exc, AttributeError) or getattr(exc, "name", None) != "submit":
        return None
    handed = getattr(exc, "obj", None)
    if handed is None or callable(handed):
        return None
    kind = type(handed)
    if kind.__module__.startswith("multiprocessing"):
        return (
            f"multiprocessing's {kind.__name__} is not an executor: run_in_executor takes one of"
            " concurrent.futures' (it calls the executor's `submit`). Make the pool with"
            " `with ProcessPoolExecutor() as pool:`, then `loop.run_in_executor(pool, work, n)`."
        )
    return (
        f"run_in_executor takes an executor from concurrent.futures (a ProcessPoolExecutor, a ThreadPoolExecutor)"
        f" or None for the loop's own thread pool; it was handed a {kind.__name__}, which has no `submit`."
    )


def _drove_the_running_loop_from_plain_code(exc: BaseException) -> str | None:
    """The fix for run_until_complete in a plain def that running code called (ex01's make_request): `await`, the
    fix in a coroutine, cannot go in a plain def, so the coroutine goes to the running loop as a task."""
    if not isinstance(exc, RuntimeError) or "This event loop is already running" not in str(exc):
        return None
    frame, _ = _callers_frame(exc)
    if frame is None or frame.f_code.co_flags & (inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR):  # can await
        return None
    return (
        "run_until_complete drives a loop from outside; your function runs inside the running loop (a coroutine or"
        " a callback called it), and it is a plain def, where `await` cannot go either: schedule the coroutine on"
        " the running loop, `asyncio.create_task(...)`, which starts it once your function has returned."
    )


def _callers_statement(exc: BaseException) -> tuple[FrameType | None, ast.Module]:
    """`_callers_frame`, with its line parsed: the opening of a block (`async with ...:`) as the expression it starts,
    and a line that is no statement of its own (a call spread over lines, a comment) as `pass`, which names nothing."""
    frame, line = _callers_frame(exc)
    try:
        tree = ast.parse(line.strip().removesuffix(":"))
    except SyntaxError:
        tree = ast.Module(body=[], type_ignores=[])
    return frame, tree if tree.body else ast.parse("pass")


def _callers_frame(exc: BaseException) -> tuple[FrameType | None, str]:
    """The innermost frame of `exc`'s traceback outside asyncio, the call that handed it on, and its line."""
    asyncio_dir = os.path.dirname(asyncio.__file__) + os.sep
    found: tuple[FrameType | None, str] = (None, "")
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith(asyncio_dir):
            found = (tb.tb_frame, linecache.getline(filename, tb.tb_lineno))
        tb = tb.tb_next
    return found


AWAITABLES = {
    "_asyncio.Future": ("the future", "loop.run_in_executor(...)"),
    "Future": ("the future", "loop.run_in_executor(...)"),  # asyncio's Python class, or a subclass of either
    "_asyncio.Task": ("the task", "task"),
    "Task": ("the task", "task"),
    "coroutine": ("the coroutine object", "work(...)"),
}
"""The awaitables an attribute can be looked up on too soon, by the type name an AttributeError gives: what to
call each, and the expression that makes one in an example."""
_NO_SUCH_ATTRIBUTE = re.compile(r"'(?P<kind>[\w.]+)' object has no attribute '(?P<name>\w+)'")
_OWN_ATTRIBUTES = [a for a in {*dir(asyncio.Future), *dir(asyncio.Task), *dir(CoroutineType)} if a[0] != "_"]


def _awaited_after_the_attribute(exc: AttributeError, message: str) -> str | None:
    """The fix for `await x.status_code`, which reads the attribute from the awaitable `x` before awaiting (`await`
    applies to all that follows it): only when the line that raised awaits that attribute, and the name is not a
    slip of the awaitable's own methods (`await task.resutl()`)."""
    match = _NO_SUCH_ATTRIBUTE.match(message)
    if match is None or match["kind"] not in AWAITABLES or _slip_of(match["name"]):
        return None
    tb = _innermost(exc)
    line = linecache.getline(tb.tb_frame.f_code.co_filename, tb.tb_lineno) if tb is not None else ""
    name = match["name"]
    if not re.search(rf"\bawait\b.*\.{name}\b", line):
        return None
    what, example = AWAITABLES[match["kind"]]
    return (
        f"`await x.{name}` awaits `x.{name}`: Python reads `.{name}` from {what} itself, which has none, before"
        f" anything is awaited. Put the await in parentheses, `(await {example}).{name}`, or await on one line,"
        f" `result = await {example}`, and read `result.{name}` on the next."
    )


def read_from_an_awaitable(exc: BaseException) -> bool:
    """Whether `exc` is an attribute looked up on an awaitable (Python 3.10+ keeps the object on the exception): an
    await missing or misplaced, which the fix for it names; the coroutine left unawaited by it needs no second
    word."""
    return isinstance(exc, AttributeError) and inspect.isawaitable(getattr(exc, "obj", None))


def _read_before_awaiting(exc: AttributeError) -> str | None:
    """The fix for `response = loop.run_in_executor(...)` (or `session.get(url)`, or `work(...)`) then
    `response.status_code`: an attribute of the result read from the awaitable that would give it, which was never
    awaited. Python 3.10+ keeps that object on the exception (`exc.obj`); a slip of the awaitable's own methods
    (`task.resutl()`) is left to Python's message."""
    obj, name = getattr(exc, "obj", None), getattr(exc, "name", None)
    if not name or not read_from_an_awaitable(exc) or _slip_of(name):
        return None
    tb = _innermost(exc)
    line = linecache.getline(tb.tb_frame.f_code.co_filename, tb.tb_lineno) if tb is not None else ""
    holder = re.search(rf"(\w+)\.{re.escape(name)}\b", line)  # getattr(obj, "any text") names anything
    held = holder[1] if holder else "result"
    it = f"`{held}`" if holder else "that object"
    if type(obj).__name__ in REQUEST_CONTEXT_MANAGERS:
        return (
            f"{it} is what session.get(url) gives: a request not sent yet, not its response, so it has no"
            f" `.{name}`. Send it and open the response with `async with session.get(url) as response:`, and read"
            f" `response.{name}` inside the block."
        )
    if isinstance(obj, asyncio.Task):
        return f"{it} is a task, whose result comes when it is done: `result = await {held}`, then `result.{name}`."
    if inspect.iscoroutine(obj):
        what, made_by = "a coroutine object: calling an async def function only makes one", f"{obj.__name__}(...)"
    elif asyncio.isfuture(obj):
        what, made_by = "a future, whose result is not there yet", "loop.run_in_executor(...)"
    else:
        return f"{it} is an awaitable ({type(obj).__name__}), not what it gives: `await` it for that."
    return f"{it} is {what}. Put `await` where it is made, `{held} = await {made_by}`, and `{held}.{name}` works."


def _slip_of(name: str) -> bool:
    return bool(difflib.get_close_matches(name, _OWN_ATTRIBUTES, cutoff=0.8))


def _innermost(exc: BaseException) -> TracebackType | None:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def _raised_in(exc: BaseException, ending: str) -> bool:
    tb = _innermost(exc)
    return not ending or (tb is not None and tb.tb_frame.f_code.co_filename.endswith(ending))
