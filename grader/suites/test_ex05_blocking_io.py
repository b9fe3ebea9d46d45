"""Exercise 05: blocking I/O in an executor.

A fake server (`FakeRequestsServer`) answers the student's `requests` calls from whatever thread sends them,
noting the thread, the moments it held each request, and how many were in flight at once. Whether the event
loop was blocked is judged from that: the request ran in the loop's own thread, or the loop's heartbeat did not
tick while the request was held (`LoopWatch`, which also finds the student's line that blocked it). The server
answers a slow request once the loop has ticked for about 0.1 s, so only a blocked loop waits the full latency.
"""

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import requests

from grader.asyncio_mistakes import asyncio_fix
from grader.probes.calls import await_call
from grader.probes.fake_requests import FakeRequestsServer, Unpicklable
from grader.probes.loop_watch import BlockedSpan, LoopReport, LoopWatch
from grader.probes.set_order import backwards_in_sets
from grader.probes.traffic import (
    ORDER_EXPECTED,
    ORDER_FIX,
    ORDER_URLS,
    Served,
    caught_in_fetch_status,
    expect_sent_together,
    expect_status,
    in_flight,
    in_turn_fix,
    is_status,
    order_fix,
    order_slip,
    route_order_case,
    sent_in_turn,
    statuses_fix,
    swallowed,
    url,
)
from grader.probes.waiters import running_future, waiting_elsewhere
from grader.testing import (
    CallIn,
    CheckFailure,
    awaited_in_a_loop,
    call_repr,
    check,
    expect,
    fail,
    found_in,
    raised_in_place_of,
    returns_no_value,
    student,
    where,
)

ex = student("exercises.ex05_blocking_io")
ROOT = Path(ex.__file__).parent.parent  # as the student frames name it: LoopWatch resolves links itself

LIMIT = 4.0
"""Seconds any one call of the student's code may take (the slowest wrong path takes about one second)."""
LATENCY = 0.3
"""Seconds a slow request takes: a loop blocked by it stalls for that long, a healthy loop at most ~0.07 s."""
LOOP_RAN = 10
"""Heartbeat ticks (one per 10 ms) that prove the loop kept running during a request; a blocked loop gives 0.
About 0.1 s of them, so that a coroutine cannot pass by giving the loop back briefly and then blocking on it."""
IN_EXECUTOR = (
    "Run the blocking call in the loop's default executor: "
    "`return await asyncio.get_running_loop().run_in_executor(None, get_status, url)`."
)
CONCURRENTLY = (
    "Start every fetch before awaiting any: `await asyncio.gather(*(fetch_status(url) for url in urls))`; "
    "a `for` loop with `await` inside waits for each request before sending the next."
)
HTTP_ERRORS_ARE_ANSWERS = "A 404 or a 500 is an answer: return `status_code`, do not call `raise_for_status()`."
WAIT_KEEPS_ERRORS = (
    "asyncio.wait raises nothing: a task that failed is returned among the done ones, its exception kept inside it,"
    " and whatever your code meant to store for it was never stored. Read each task's result with `task.result()`,"
    " which raises the exception the task ended with, or let `asyncio.gather` raise it for you."
)
ASK_EVERY_TIME = (
    "Send the request on every call: a status kept from an earlier call (in a dict at module level, say) is the"
    " answer the server gave then, not the one it gives now."
)


SERVING: list[FakeRequestsServer] = []
"""The running check's server, for `fetched` to ask what the student's code handed to a process pool."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRequestsServer]:
    server = FakeRequestsServer(monkeypatch)
    SERVING.append(server)
    try:
        yield server
    finally:
        SERVING.remove(server)
        server.close()


def watch() -> LoopWatch:
    return LoopWatch(ROOT, given=[f for f in (getattr(ex, "get_status", None),) if f])


def long_stall(report: LoopReport, served: Served, upkeep: list[tuple[float, float]]) -> BlockedSpan | None:
    """A stall blamed on a line of the student's that froze the loop for half a slow request's latency or more while
    the server held `served`, however long the loop ran before it (healthy loops stall for a few hundredths). The
    thread pools' own time in the loop's thread, `upkeep`, is not the student's (see FakeRequestsServer.upkeep)."""
    stall = report.stall_during(served.started, served.ended, located=True)
    held = stall.own(served.started, served.ended, besides=upkeep) if stall is not None else 0.0
    return stall if held >= LATENCY / 2 else None


def shut_down_first(stall: BlockedSpan | None) -> str | None:
    """The fix for a loop blocked by a thread pool's shutdown (leaving its `with` block, or `shutdown()`), which
    waits, in the loop's thread, for the requests still running in it; None for any other stall."""
    code = (stall.code if stall else None) or ""
    if not (code.startswith("with ") or ".shutdown(" in code):
        return None
    return (
        "Await the requests before the pool shuts down: leaving its `with` block (or calling `shutdown()`) waits, in"
        " the event loop's thread, for every request still running in it. Put `await asyncio.gather(...)` inside"
        " the `with` block, or use the loop's default executor, `run_in_executor(None, get_status, url)`, which"
        " needs no shutdown."
    )


LONGEST_BLOCK = 0.3
"""Seconds of a whole fetch_all for which the loop may be stalled at the student's lines, a thread pool's own time
left out: a busy machine can pause the loop on one of them for a while; a `time.sleep(0.2)` per URL stalls it for a
second, one before the requests for as long as it sleeps."""


def waits_on_threads(code: str) -> bool:
    """Whether the student's line that blocked the loop waits for threads (their results, their end), rather than
    stopping it for something else (`time.sleep`, say)."""
    return any(part in code for part in (".result(", ".join(", ".map(", "wait(", "as_completed("))


def blocked_during(report: LoopReport, served: Served) -> BlockedSpan | None:
    """The stall that froze the loop for most of the time the server held `served`, if there was one."""
    stall = report.stall_during(served.started, served.ended)
    held = served.ended - served.started
    return stall if stall is not None and stall.overlap(served.started, served.ended) > held / 2 else None


@check("fetch_status returns the status code: 200, 404 and 500 come back as numbers")
async def test_returns_status_codes(server):
    for status in (200, 404, 500):
        target = server.route(url(f"status/{status}"), status)
        await expect_status(
            fetched(ex.fetch_status, target, limit=LIMIT),
            status,
            shown=call_repr(ex.fetch_status, target),
            http_error=requests.HTTPError,
            http_error_said=repr,
            http_error_fix=HTTP_ERRORS_ARE_ANSWERS,
            fix="Return `get_status(url)`'s result (the response's `status_code`), run in an executor.",
            at=ex.fetch_status,
        )
    again = url("status/200")
    asked = sum(served.url == again for served in server.served)
    got = await fetched(ex.fetch_status, again, limit=LIMIT)
    expect(
        sum(served.url == again for served in server.served) > asked,
        f"{call_repr(ex.fetch_status, again)}, called a second time, returned {got!r} without sending a request",
        expected="a request on every call: a server's answer can change from one call to the next",
        fix=ASK_EVERY_TIME,
        at=ex.fetch_status,
    )


async def single_url_in_an_executor(server: FakeRequestsServer) -> None:
    """Fail when fetch_all, given a single URL, sends its request from the event loop's thread: "nothing to run
    concurrently" is no reason to block the loop."""
    since, alone = len(server.served), [server.route(url("alone"))]
    got = await fetched(ex.fetch_all, alone, limit=LIMIT)
    expect(
        isinstance(got, (list, tuple)) and list(got) == [200],
        f"{call_repr(ex.fetch_all, alone)} returned {got!r}",
        expected="[200]",
        fix=statuses_fix(got, 1),
        at=ex.fetch_all,
    )
    if any(served.thread == threading.get_ident() for served in server.served[since:]):
        fail(
            f"{call_repr(ex.fetch_all, alone)}, with a single URL, sent its request from the event loop's own thread,"
            " so nothing else could run while it waited for the answer",
            expected="the request runs in an executor's thread, a single one too",
            fix="Hand every request to the executor, however many URLs there are:"
            " `await asyncio.gather(*(fetch_status(url) for url in urls))` runs one as well as five.",
            at=CallIn(ex.fetch_all, "get_status", "get").found() or ex.fetch_all,
        )


def loop_ran(watching: LoopWatch, server: FakeRequestsServer, awaited: dict[Future, float], arrived: float) -> bool:
    """For the server's early answer, asked in the thread that sends the request: whether the loop has ticked LOOP_RAN
    times, with the student's code not asleep, since someone began to wait for the pool's call that sends it while
    the loop was idle (`awaited` keeps when), or since the request `arrived` when no pool's call sends it. Ticks while
    the code waits for something else first (an event, a timer), then blocks the loop in `result()`, show nothing."""
    future = running_future()
    if future is None:
        return watching.awake_ticks_since(arrived) >= LOOP_RAN
    if future not in awaited:
        if watching.loop_state() == "idle" and server.someone_waits_for(future):
            awaited[future] = time.monotonic()
        return False
    return watching.awake_ticks_since(awaited[future]) >= LOOP_RAN


def request_held(watching: LoopWatch, server: FakeRequestsServer) -> bool | None:
    """For the server's latency, asked in the thread that sends the request: whether the student's code waits for
    something else than the pool's call that sends it (`waiting_elsewhere`)."""
    future = running_future()
    return waiting_elsewhere(watching, [future] if future is not None else [], server.someone_waits_for)


@check("fetch_status runs the blocking request in an executor: the event loop keeps running meanwhile")
async def test_runs_in_executor(server):
    loop_thread = threading.get_ident()
    async with watch() as watching:
        # The server answers as soon as the loop has shown it is running; a blocked loop makes it wait LATENCY.
        # Its latency runs only while the student's code awaits the request or blocks the loop (and the grader's
        # process has the CPU), and it counts only the ticks when the code is not asleep, so that a wait for
        # something else before a blocking wait (`await asyncio.sleep(0.5)`, then `future.result()`) does not find
        # the answer there already: a real server can be slower than any wait.
        target = server.route(
            url("slow"),
            200,
            latency=LATENCY,
            sooner=partial(loop_ran, watching, server, {}),
            waiting=partial(request_held, watching, server),
        )
        got = await fetched(ex.fetch_status, target, limit=LIMIT)
    expect(got == 200, f"{call_repr(ex.fetch_status, target)} returned {got!r}", expected="200", at=ex.fetch_status)
    expect(
        server.served,
        f"{call_repr(ex.fetch_status, target)} sent no request to the server",
        expected="one GET request, made by get_status(url) in an executor",
        at=ex.fetch_status,
    )
    served = server.served[0]
    stall = watching.report.stall_during(served.started, served.ended)
    if served.thread == loop_thread:
        where = stall.describe() if stall else "the request ran in the event loop's own thread"
        fail(
            f"{where}: the blocking `requests` call ran in the event loop's thread, so nothing else could run",
            expected="the request runs in another thread while the loop keeps running",
            fix=IN_EXECUTOR,
            at=(stall.location if stall else None) or ex.fetch_status,
        )
    ran = watching.report.ticks_between(served.started, served.ended)
    if ran < LOOP_RAN:
        held = f"the event loop ran {ran} time(s) in the {served.ended - served.started:.2f} s the request took"
        fail(
            f"{stall.describe() if stall else held}: the request ran in another thread, but the coroutine waited"
            " for it without giving the loop back"
            + ("" if shut_down_first(stall) else " (a blocking `.result()` or `.join()`?)"),
            expected="`await` the executor's future, so the loop runs other coroutines meanwhile",
            fix=shut_down_first(stall) or IN_EXECUTOR,
            at=(stall.location if stall else None) or ex.fetch_status,
        )
    if (late := long_stall(watching.report, served, server.upkeep.in_thread(loop_thread))) is not None:
        fail(
            f"{late.describe()}: the request ran in another thread, and the loop ran for a while, but then the"
            " coroutine waited for the request without giving the loop back",
            expected="`await` the executor's future, so the loop runs other coroutines however long the request takes",
            fix=shut_down_first(late)
            or IN_EXECUTOR
            + " A sleep before a blocking `.result()` only hides the wait while the server answers within the sleep.",
            at=late.location or ex.fetch_status,
        )


@check(
    "a connection error in fetch_status propagates as the requests exception, and the event loop keeps running"
    " meanwhile"
)
async def test_fetch_status_raises_connection_errors(server):
    async with watch() as watching:
        # Refused once the loop has shown it is running: a fetch_status that blocks it (retrying after a time.sleep,
        # say) is stalled for most of the call.
        target = server.refuse(url("down"), latency=LATENCY, sooner=lambda t: watching.ticks_since(t) >= LOOP_RAN)
        since = len(server.served)
        started = time.monotonic()
        try:
            got = await fetched(ex.fetch_status, target, limit=LIMIT)
        except requests.ConnectionError:
            got = RAISED
        except Exception as error:
            raised_in_place_of(
                error, requests.ConnectionError, "requests.ConnectionError", call_repr(ex.fetch_status, target)
            )
            raise
        ended = time.monotonic()
    if got is not RAISED:
        fail(
            f"{call_repr(ex.fetch_status, target)} returned {got!r} for a server that refused the connection",
            expected="requests.ConnectionError raised to the caller",
            **caught_in_fetch_status(requests.exceptions.ConnectionError(), ex),
        )
    # Judged from the first request on: a blocking retry stalls the loop between requests, while before the first
    # one a busy machine can hold the loop for a while at the student's line as the executor starts its thread.
    sent = min((served.started for served in server.served[since:]), default=started)
    stalled = watching.report.stalled_for(sent, ended, located=True)
    if stalled > (ended - sent) / 2 and not await blocks_when_all_goes_well(server):
        stall = watching.report.stall_during(sent, ended)
        fail(
            f"{call_repr(ex.fetch_status, target)} raised the requests exception, but the event loop was stalled for"
            f" {stalled:.2f} s of the {ended - sent:.2f} s from its first request to its end"
            + (f" ({stall.describe()})" if stall else ""),
            expected="the event loop keeps running while fetch_status waits, whether the request succeeds or fails",
            fix=NEVER_BLOCK,
            at=(stall.location if stall else None) or ex.fetch_status,
        )


async def blocks_when_all_goes_well(server: FakeRequestsServer) -> bool:
    """Whether fetch_status blocks the loop while a slow request succeeds too (or fails there in another way): the
    check of the way out for an error then leaves the blocking to runs_in_executor, so that one slip costs one check.
    Asked only once that check has seen the loop blocked. Only stalls blamed on the student's lines count: a busy
    machine's pause would otherwise excuse a blocking retry from the one check that catches it."""
    loop_thread = threading.get_ident()
    since = len(server.served)
    try:
        async with watch() as watching:
            target = server.route(url("fine"), latency=LATENCY, sooner=lambda t: watching.ticks_since(t) >= LOOP_RAN)
            await await_call(ex.fetch_status, target, limit=LIMIT)
    except Exception:  # CheckFailure included: whatever went wrong there, another check says so
        return True
    return any(
        served.thread == loop_thread
        or watching.report.stalled_for(served.started, served.ended, located=True) > (served.ended - served.started) / 2
        for served in server.served[since:]
    )


RAISED = object()
"""What a check notes as the result of a call that raised the exception it expected."""
NEVER_BLOCK = (
    "Block the loop nowhere, on the way out for an error too: wait with `await asyncio.sleep(...)`, never"
    " `time.sleep(...)`, and leave every blocking call to the executor."
)

BLOCK_NOWHERE = (
    "Block the loop nowhere in fetch_status and fetch_all, before, between or after the requests: wait with"
    " `await asyncio.sleep(...)`, never `time.sleep(...)`, and leave every blocking call to the executor."
)


async def fetched(func: Any, *args: Any, limit: float) -> Any:
    """`await func(*args)` within `limit` seconds; None from a function with no `return` of a value is named as
    that, not as a wrong status, a wrong order or an exception swallowed. A call handed to a process pool that a
    real one could not pickle is named before anything else the call did: for real it fails there."""
    since = len(SERVING[-1].unpicklable) if SERVING else 0
    try:
        got = await await_call(func, *args, limit=limit)
    except Exception:
        not_picklable(func, args, since)
        raise
    not_picklable(func, args, since)
    if got is None and returns_no_value(func):
        returned = "the list of statuses: `return await asyncio.gather(...)`"
        if func is getattr(ex, "fetch_status", None):
            returned = "the status code: `return await loop.run_in_executor(None, get_status, url)`"
        fail(
            f"{call_repr(func, *args)} returned None: {func.__name__} has no `return` with a value",
            expected="the status code" if func is getattr(ex, "fetch_status", None) else "a list of status codes",
            fix=f"Return {returned}. A function that ends without a return statement returns None.",
            at=func,
        )
    return got


PICKLABLE = (
    "A process pool pickles the function to send it to a worker process, and a lambda or a function defined inside"
    " another cannot be pickled. Hand the pool the module-level get_status and the URL apart:"
    " `loop.run_in_executor(pool, get_status, url)`. Or use a thread, all that blocking I/O needs: the loop's default"
    " executor, `loop.run_in_executor(None, get_status, url)`."
)


def handed(call: Unpicklable) -> str:
    """What the student handed to the process pool, as a message names it."""
    function = getattr(call.function, "func", call.function)  # a functools.partial's own function
    name = getattr(function, "__qualname__", "")
    if "<lambda>" in name:
        return "a lambda"
    outer, _, inner = name.rpartition(".<locals>.")
    return f"{inner}(), a function defined inside {outer.rpartition('.')[2]}()," if outer else "a call"


def not_picklable(func: Any, args: tuple[Any, ...], since: int) -> None:
    """Fail when the call `func(*args)` handed a process pool something it cannot pickle, which a real pool then
    fails to send to a worker process (noted by the server from index `since` on)."""
    if not SERVING or len(SERVING[-1].unpicklable) <= since:
        return
    call = SERVING[-1].unpicklable[since]
    error = call.error
    fail(
        f"{call_repr(func, *args)} handed {handed(call)} to a ProcessPoolExecutor, which pickles every call to send"
        f" it to a worker process, and pickling it failed ({type(error).__name__}: {error}): a real pool raises that"
        " error where the call's result is awaited",
        expected="a call the pool can pickle: a function defined at the module's top level, its arguments apart",
        fix=PICKLABLE,
        at=call.handed_at or func,
    )


def one_url_for_many(server: FakeRequestsServer, since: int, urls: list[str], got: object) -> None:
    """Fail when fetch_all's calls, served from `server.served[since:]` on, asked for one URL more often than urls
    holds it: the calls did not each get their own URL (a lambda made in a loop reads the loop's last URL)."""
    asked = Counter(served.url for served in server.served[since:])
    wanted = Counter(urls)
    over = [u for u in asked if asked[u] > wanted[u]]
    if not over:
        return
    fail(
        f"{call_repr(ex.fetch_all, urls)} returned {got!r}, and the server was asked for {over[0]}"
        f" {asked[over[0]]} times, though it is in urls {wanted[over[0]] or 'no'} time(s): the calls did not each"
        " get their own URL",
        expected="one request for each URL of urls, each call with its own",
        fix="Pass each URL to its call as an argument: `loop.run_in_executor(None, get_status, url)` (or"
        " functools.partial(get_status, url)). A lambda made in a loop, `lambda: get_status(url)`, reads `url` only"
        " when it runs, and by then the loop has moved on to the last URL.",
        at=ex.fetch_all,
    )


@check("when one fetch fails, fetch_all raises its exception")
async def test_fetch_all_propagates_errors(server):
    refused = [server.route(url("fine/1")), server.refuse(url("down")), server.route(url("fine/2"))]
    await expect_raised(server, refused, requests.exceptions.ConnectionError(), "refused the connection")
    # Another failure than a server that is down: code that lets a ConnectionError through and turns every other
    # error into a missing status fails here.
    late = requests.exceptions.ReadTimeout("Read timed out")
    timed_out = [
        server.route(url("fine/3")),
        server.refuse(url("read-timed-out"), error=late),
        server.route(url("fine/4")),
    ]
    await expect_raised(server, timed_out, late, "timed out")


async def expect_raised(server: FakeRequestsServer, urls: list[str], failure: Exception, failed: str) -> None:
    """Fail the check unless fetch_all(urls), whose second URL fails with an exception like `failure`, raises it
    (or an ExceptionGroup holding it); `failed` says what happened to that URL."""
    kind = type(failure)
    shown = f"requests.{kind.__name__}"
    since = len(server.served)
    try:
        got = await fetched(ex.fetch_all, urls, limit=LIMIT)
    except Exception as error:
        if found_in(error, kind):
            return
        raised_in_place_of(error, kind, shown, call_repr(ex.fetch_all, urls))
        if (waits := CallIn(ex.fetch_all, "wait").found()) is not None:
            fail(
                f"{call_repr(ex.fetch_all, urls)} raised {type(error).__name__}: {error}, not the {shown} of"
                f" {urls[1]}, whose fetch failed",
                expected=f"the {shown} raised (or an ExceptionGroup holding it)",
                fix=WAIT_KEEPS_ERRORS,
                at=waits,
            )
        raise
    one_url_for_many(server, since, urls, got)
    fail(
        f"{call_repr(ex.fetch_all, urls)} returned {got!r} although {urls[1]} {failed}",
        expected=f"the {shown} raised (or an ExceptionGroup holding it)",
        **swallowed(got, failure, ex),
    )


@check("fetch_all returns every status, 404 and 500 too, in the order of urls, whatever order the answers arrive in")
async def test_fetch_all_keeps_order(server):
    route_order_case(server.route)  # all successes: a solution that raises for 4xx and 5xx loses one check, not two
    with backwards_in_sets(asyncio.get_running_loop()):  # a done set of asyncio.wait lists them backwards
        got = await fetched(ex.fetch_all, ORDER_URLS, limit=LIMIT)
    if got != ORDER_EXPECTED:
        one_url_for_many(server, 0, ORDER_URLS, got)
    expect(
        isinstance(got, (list, tuple)) and list(got) == ORDER_EXPECTED and all(map(is_status, got)),
        f"{call_repr(ex.fetch_all, ORDER_URLS)} returned {got!r}{order_slip(got)}",
        expected=f"{ORDER_EXPECTED}, one status per URL in the order of urls",
        fix=order_fix(got),
        at=ex.fetch_all,
    )
    try:
        empty = await fetched(ex.fetch_all, [], limit=LIMIT)
    except CheckFailure:
        raise
    except Exception as error:
        fail(
            f"fetch_all([]) raised {type(error).__name__}: {error}",
            expected="[]: no URLs, no statuses, and no error",
            fix=asyncio_fix(error)
            or "Let an empty list through: fetch_all([]) returns [] (`asyncio.gather()` of nothing gives []). Code"
            " that looks at the results first needs one to look at: `all(...)` of nothing is True, `results[0]` of"
            " nothing raises IndexError.",
            at=where(error) or ex.fetch_all,
        )
    expect(
        isinstance(empty, (list, tuple)) and list(empty) == [],
        f"fetch_all([]) returned {empty!r}",
        expected="[]",
        at=ex.fetch_all,
    )
    answers = [server.route(url("answer/404"), 404), server.route(url("answer/500"), 500)]
    try:
        await fetched(ex.fetch_status, answers[0], limit=LIMIT)
    except requests.HTTPError:
        return  # fetch_status itself raises for a 404: the first check says so, and one slip costs one check
    since = len(server.served)
    try:
        got = await fetched(ex.fetch_all, answers, limit=LIMIT)
    except requests.HTTPError as error:
        fail(f"{call_repr(ex.fetch_all, answers)} raised {error!r}", expected="[404, 500]",
             fix=HTTP_ERRORS_ARE_ANSWERS, at=ex.fetch_all)  # fmt: skip
    if got != [404, 500]:
        one_url_for_many(server, since, answers, got)
    expect(list(got) == [404, 500] if isinstance(got, (list, tuple)) else False,
           f"{call_repr(ex.fetch_all, answers)} returned {got!r}", expected="[404, 500]",
           fix=ORDER_FIX if got in ([500, 404], (500, 404)) else HTTP_ERRORS_ARE_ANSWERS, at=ex.fetch_all)  # fmt: skip


@check(
    "fetch_all sends the requests concurrently, five slow requests in flight at the same time, and the event loop"
    " keeps running while they are"
)
async def test_fetch_all_concurrent(server):
    loop_thread = threading.get_ident()
    async with watch() as watching:
        # Held until all five are in flight, then answered once the loop has shown it is running: only a fetch_all
        # that waits for its threads without giving the loop back (pool.map, join) pays the whole latency.
        # Held while the student's code waits for something else, as in test_runs_in_executor.
        sooner, waiting = partial(loop_ran, watching, server, {}), partial(request_held, watching, server)
        urls = [
            server.route(url(f"together/{i}"), 200, together=5, latency=LATENCY, sooner=sooner, waiting=waiting)
            for i in range(5)
        ]
        started = time.monotonic()
        got = await fetched(ex.fetch_all, urls, limit=LIMIT)
        ended = time.monotonic()
    expect(
        isinstance(got, (list, tuple)) and list(got) == [200] * 5,
        f"fetch_all of five URLs returned {got!r}",
        expected="[200, 200, 200, 200, 200]",
        fix=statuses_fix(got, 5),
        at=ex.fetch_all,
    )
    expect(
        server.served,
        "fetch_all sent none of the requests from this program's threads",
        expected="five GET requests sent from threads of the event loop's process",
        fix="Use threads (the default executor), not processes: blocking I/O only needs the loop's thread freed.",
        at=ex.fetch_all,
    )
    if server.most_in_flight >= 5:
        for served in server.served:
            ran = watching.report.ticks_between(served.started, served.ended)
            late = long_stall(watching.report, served, server.upkeep.in_thread(loop_thread))
            if late is None:  # few ticks alone are no evidence: a busy machine keeps a waiting loop off the CPU too
                continue
            stall = (
                late
                or blocked_during(watching.report, served)
                or watching.report.stall_during(served.started, served.ended)
            )
            held = f"the event loop ran {ran} time(s) in the {served.ended - served.started:.2f} s a request took"
            waited = stall is None or waits_on_threads(stall.code or "")
            what = "fetch_all waited for them without giving the event loop back" if waited else "the loop stopped"
            fail(
                f"all 5 requests were in flight at once, but {what}: {stall.describe() if stall else held}",
                expected="the event loop keeps running other coroutines while the requests are in flight",
                fix=shut_down_first(stall)
                or (
                    "Wait with `await`, never by blocking on the threads (`pool.map`, `.result()`, `Thread.join()`):"
                    " `await asyncio.gather(*(fetch_status(url) for url in urls))`."
                    if waited
                    else BLOCK_NOWHERE
                ),
                at=(stall.location if stall else None) or ex.fetch_all,
            )
        # The thread pools' own time in the loop's thread is not the student's (see FakeRequestsServer.upkeep).
        blocked, worst = watching.report.blocked_for(started, ended, besides=server.upkeep.in_thread(loop_thread))
        if blocked > LONGEST_BLOCK:
            fail(
                f"the 5 requests were in flight at once, but fetch_all blocked the event loop for {blocked:.2f} s of"
                f" the {ended - started:.2f} s it took" + (f" (the longest: {worst.describe()})" if worst else ""),
                expected="the event loop keeps running from the start of fetch_all to its end: about 0.3 s for five"
                " requests of 0.3 s, with nothing in between that stops it",
                fix=BLOCK_NOWHERE,
                at=(worst.location if worst else None) or ex.fetch_all,
            )
        # The server held the first ones until the last arrived: a fetch_all that holds each one back looks
        # concurrent there, and takes as long as the wait it adds (0.2 s between five requests: 0.8 s more).
        expect_sent_together(
            server.served,
            "all five sent at once: about 0.3 s for five requests of 0.3 s",
            CONCURRENTLY,
            at=ex.fetch_all,
        )
        await single_url_in_an_executor(server)
        return
    most = server.most_in_flight
    happened = in_flight(most, 5)
    stalls = [stall for stall in (blocked_during(watching.report, s) for s in server.served) if stall is not None]
    on_loop = any(s.thread == loop_thread for s in server.served)
    if on_loop or stalls:
        how = "ran in the event loop's own thread" if on_loop else "blocked the event loop while they waited"
        fail(
            f"{happened}: the requests {how}" + (f" ({stalls[0].describe()})" if stalls else ""),
            expected="all five requests in flight at once, each awaited in an executor thread",
            fix=shut_down_first(stalls[0] if stalls else None) or IN_EXECUTOR,
            at=(stalls[0].location if stalls else None) or ex.fetch_status,
        )
    if server.most_in_pool >= 5:
        small = min(
            (pool for pool in server.pools.values() if pool.workers is not None and pool.workers < 5),
            key=lambda pool: pool.workers,
            default=None,
        )
        kind = small.kind if small else "ThreadPoolExecutor"
        fail(
            f"{happened}, although all 5 had been handed to a {kind} together: the pool ran only {most} at a"
            " time, and each of the others waited for a free worker"
            + (f": it was made with max_workers={small.workers}" if small else ""),
            expected="all five requests in flight at once: about 0.3 s for five requests of 0.3 s, not 1.5 s",
            fix="Run them in the loop's default executor, `run_in_executor(None, get_status, url)`, which has"
            f" threads enough for five; a {kind} of your own needs `max_workers` at least as large as the number of"
            " requests to wait on at once.",
            at=(small.used_at if small else None) or ex.fetch_status,
        )
    fail(
        f"{happened}: {sent_in_turn(most, server.served)}",
        expected="all five requests in flight at once: about 0.3 s for five requests of 0.3 s, not 1.5 s",
        fix=in_turn_fix(most, server.served, CONCURRENTLY),
        at=awaited_in_a_loop(ex.fetch_all) or ex.fetch_all,
    )
