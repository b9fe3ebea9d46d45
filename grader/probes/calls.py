"""Await a student's coroutine function with a time limit, and say clearly when it is not one."""

from __future__ import annotations

import asyncio
import inspect
import sys
import traceback
from collections.abc import Callable
from typing import Any

from pytest_socket import SocketBlockedError

from grader.model import Location
from grader.testing import CallIn, call_repr, coroutine_origin, fail, name_of, yield_line

HTTP_CLIENTS = ("requests", "urllib3", "aiohttp", "httpx", "http.client", "urllib.request")


def http_client(error: BaseException) -> str | None:
    """The HTTP library that tried to reach the network in `error`'s traceback (its outermost frame), if any."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        module = frame.f_globals.get("__name__", "")
        for client in HTTP_CLIENTS:
            if module == client or module.startswith(client + "."):
                return client
    return None


async def await_call(
    func: Callable[..., Any], *args: Any, limit: float, shown: str | None = None, network_fix: str | None = None
) -> Any:
    """`await func(*args)`, failing the check if `func` is not `async def`, runs longer than `limit` seconds, reaches
    for the network, or gives back awaitables instead of its results.

    `shown` replaces the call as messages print it, when an argument's repr would only confuse (a partial);
    `network_fix` is the exercise's own advice for a request that went past the fake server to the network.
    """
    __tracebackhide__ = True
    text = shown or call_repr(func, *args)
    awaitable = func(*args)
    if inspect.isasyncgen(awaitable):
        fail(
            f"{text} returned an async generator, not a coroutine: a `yield` inside an `async def` makes it one, and"
            " `await` cannot wait for it",
            expected=f"`{getattr(func, '__name__', func)}` is an `async def` function that returns its result",
            fix="Collect the results in a list and `return` it once, at the end, with no `yield`: e.g."
            " `return await asyncio.gather(...)`.",
            at=yield_line(func) or func,
        )
    if inspect.iscoroutine(awaitable) and inspect.getcoroutinestate(awaitable) == inspect.CORO_CLOSED:
        fail(
            f"{text} gave back a coroutine that had already run: awaiting it again raises RuntimeError ('cannot reuse"
            " already awaited coroutine')",
            expected="a new coroutine from each call, as calling an `async def` function gives",
            fix="A coroutine object runs once. A cache on an async def (@functools.lru_cache, @functools.cache) keeps"
            " the coroutine object, not its result, and hands the spent one out again: leave the cache out.",
            at=func,
        )
    if not inspect.isawaitable(awaitable):
        fail(
            f"{text} returned {awaitable!r} instead of a coroutine",
            expected=f"`{getattr(func, '__name__', func)}` is an `async def` function, awaited by the caller",
            fix="Keep the `async def` of the given signature.",
            at=func,
        )
    try:
        got = await asyncio.wait_for(awaitable, limit)
    except SocketBlockedError as blocked:
        client = http_client(blocked)
        fail(
            f"{text} sent a request with `{client}`, which the checks do not answer (the real network is blocked"
            " while they run)"
            if client
            else f"{text} tried to open a real network connection, which is blocked while the checks run",
            expected="requests sent with the HTTP client the exercise names: the checks answer those",
            fix=network_fix or "Use the client the exercise names (requests via get_status in 05, aiohttp in 06).",
            at=func,
        )
    except asyncio.TimeoutError:  # not the builtin TimeoutError before 3.11
        fail(
            f"{text} did not finish within {limit:g} s",
            expected="it returns once the work is done",
            fix="Look for a wait that never ends: a task or a future nobody completes, or work that never stops.",
            at=func,
        )
    _expect_no_awaitables(func, got, text)
    return got


def _expect_no_awaitables(func: Callable[..., Any], got: Any, text: str) -> None:
    """Fail the check when `func`'s result, called as `text`, is an awaitable or a list or tuple holding some: no
    exercise's coroutine gives one back, so an `await` is missing (or a coroutine went to a thread, which only made
    it)."""
    __tracebackhide__ = True
    if inspect.isawaitable(got):  # no exercise's coroutine gives back an awaitable: its `await` is missing
        at = missing_await_at(func, got)
        _discard(got)
        name = name_of(func)
        fail(
            f"{text} returned {awaitable_in_words(got)}, which is itself awaitable: an `await` is missing inside"
            f" {name}",
            expected="what awaiting it gives (the results), not the awaitable itself",
            fix=f"Await it before you return: {_awaited_return(got)}. Without `await`, a coroutine hands back the"
            " future or coroutine itself, and nothing waits for its result.",
            at=at or func,
        )
    if isinstance(got, (list, tuple)) and (unawaited := [item for item in got if inspect.isawaitable(item)]):
        if made_in_another_thread(unawaited[0]):
            for item in unawaited:
                _discard(item)
            name = unawaited[0].__qualname__
            fail(
                f"{text} returned a {type(got).__name__} of {len(got)} item(s) with the coroutine object {name}()"
                f" among them, not results: a thread called {name}, an async def function, and calling one only"
                " makes a coroutine object, which nothing ran",
                expected="the results, what awaiting each coroutine on the event loop gives",
                fix=f"Await {name}(...) on the loop itself, `await asyncio.gather(*({name}(...) for ...))`, not in an"
                " executor or asyncio.to_thread: a coroutine does not block the loop. The executor is for the plain"
                " function that blocks (get_status), which a coroutine hands over with run_in_executor.",
                at=CallIn(func, "run_in_executor", "to_thread").found() or func,
            )
        at = missing_await_at(func, unawaited[0])
        for item in unawaited:
            _discard(item)
        first = awaitable_in_words(unawaited[0])
        maker = f" ({at.function}, line {at.line})" if at and at.function != getattr(func, "__name__", None) else ""
        fail(
            f"{text} returned a {type(got).__name__} of {len(got)} item(s) with {first} among them, not results: an"
            " `await` is missing",
            expected="the results, what awaiting each one gives",
            fix="Await them together: `return await asyncio.gather(*coroutines)`."
            if inspect.iscoroutine(unawaited[0])
            else f"Each item came back unawaited from the coroutine that made it{maker}: there,"
            f" {_awaited_return(unawaited[0])}.",
            at=at or func,
        )


def made_in_another_thread(awaitable: Any) -> bool:
    """Whether `awaitable` is a coroutine object made in another thread than this one, the event loop's: the suite
    process records where each coroutine is made (`grader.unawaited`), and that setting is per thread, so a
    coroutine with no record of it, while this thread keeps them, was made elsewhere (a function run in an executor
    or by asyncio.to_thread called an async def function)."""
    return (
        inspect.iscoroutine(awaitable)
        and getattr(awaitable, "cr_origin", None) is None
        and sys.get_coroutine_origin_tracking_depth() > 0
    )


def awaitable_in_words(awaitable: Any) -> str:
    """What a student's code handed back unawaited, in the lesson's words rather than asyncio's private reprs
    (`<_GatheringFuture finished result=[...]>`)."""
    if type(awaitable).__name__ == "_GatheringFuture":
        return "the future of asyncio.gather(...)"
    if inspect.iscoroutine(awaitable):
        return f"the coroutine object {awaitable.__qualname__}()"
    if isinstance(awaitable, asyncio.Task):
        return "a task"
    if asyncio.isfuture(awaitable):
        return "a future"
    return repr(awaitable)


def missing_await_at(func: Callable[..., Any], awaitable: Any) -> Location | None:
    """The student's line where `awaitable`, which `func` handed back unawaited, lacks its `await`: for a coroutine,
    the line that made it; else a `return` that hands back, unawaited, a call making such an awaitable
    (`return loop.run_in_executor(...)`), in `func` or else in another function of its file (an item that fetch_all
    gathered came back from fetch_status); else such a call anywhere, `func` first. None when the source tells
    nothing: then `func` itself is the place to point at."""
    if inspect.iscoroutine(awaitable):
        made = coroutine_origin(awaitable)
        if made is None or not (made.function or "").startswith("<"):
            return made
        # Made in a comprehension, which has a frame of its own before Python 3.12: name the function around it.
        functions = [function for _, _, function in awaitable.cr_origin or ()]
        start = functions.index(made.function) if made.function in functions else 0
        around = next((name for name in functions[start:] if not name.startswith("<")), None)
        return Location(made.file, made.line, around)
    if type(awaitable).__name__ == "_GatheringFuture":
        names: tuple[str, ...] = ("gather",)
    elif isinstance(awaitable, asyncio.Task):
        names = ("create_task", "ensure_future")
    else:
        names = ("run_in_executor", "wrap_future", "ensure_future", "create_future")
    candidates = [func]
    if (module := sys.modules.get(getattr(func, "__module__", None) or "")) is not None:
        defined = [f for f in list(vars(module).values()) if inspect.isfunction(f) and f.__module__ == module.__name__]
        candidates += sorted((f for f in defined if f is not func), key=lambda f: f.__code__.co_firstlineno)
    for returned in (True, False):
        for candidate in candidates:
            if (found := CallIn(candidate, *names, returned=returned).found()) is not None:
                return found
    return None


def _awaited_return(awaitable: Any) -> str:
    """The `return` the student meant, for what they returned unawaited."""
    if type(awaitable).__name__ == "_GatheringFuture":
        call = "asyncio.gather(*tasks)"
    elif inspect.iscoroutine(awaitable):
        call = f"{awaitable.__qualname__}(...)"
    elif isinstance(awaitable, asyncio.Task):
        call = "task"
    else:
        return "`return await future`, not `return future` (the future of `loop.run_in_executor(...)` too)"
    return f"`return await {call}`, not `return {call}`"


def _discard(awaitable: Any) -> None:
    """Stop what the student left unawaited, so that it neither runs on nor warns that it was never awaited."""
    if inspect.iscoroutine(awaitable):
        awaitable.close()
    elif asyncio.isfuture(awaitable):
        awaitable.cancel()
        awaitable.add_done_callback(lambda done: done.cancelled() or done.exception())
