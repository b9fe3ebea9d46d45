"""Exercise 06: a non-blocking HTTP client.

aioresponses answers the student's aiohttp requests (`FakeAiohttpServer`), counting the requests in flight in
its own handler, the `ClientSession` objects created, and the session and thread that sent each request (the one
given to fetch_status, the loop's own thread: aiohttp's point is concurrency without threads); completion order is
set by holding answers back.
"""

import asyncio
import functools
import inspect
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from grader.model import Location
from grader.probes.calls import await_call
from grader.probes.fake_aiohttp import FakeAiohttpServer, Opened, connection_refused
from grader.probes.loop_watch import LoopWatch
from grader.probes.set_order import backwards_in_sets
from grader.probes.timers import StudentTimers
from grader.probes.traffic import (
    ORDER_EXPECTED,
    ORDER_FIX,
    ORDER_URLS,
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
from grader.testing import (
    CallIn,
    CheckFailure,
    call_repr,
    check,
    expect,
    fail,
    found_in,
    raised_in_place_of,
    student,
    where,
)

ex = student("exercises.ex06_aiohttp")
ROOT = Path(ex.__file__).parent.parent  # as the student frames name it: LoopWatch resolves links itself

AIOHTTP_ONLY = (
    "06 is about aiohttp: send each request with the session, `async with session.get(url) as response: return "
    "response.status`. `requests` (or urllib) blocks the event loop, and the grader answers only aiohttp here."
)


async def call_student(func: Any, *args: Any, limit: float, shown: str | None = None) -> Any:
    """`await_call`, with this exercise's advice for a request sent with another client, and for requests sent
    through a session that fetch_all had already closed (aiohttp's "Session is closed")."""
    __tracebackhide__ = True
    try:
        return await await_call(func, *args, limit=limit, shown=shown, network_fix=AIOHTTP_ONLY)
    except AttributeError as error:
        _session_and_url_swapped(error, func, shown or call_repr(func, *args))
        raise
    except Exception as error:
        group = getattr(error, "exceptions", None)  # an ExceptionGroup (Python 3.11+) of "Session is closed" only
        closed = group is not None and all(_session_closed(inner) for inner in group)
        if not (_session_closed(error) or closed):
            raise
        said = f"{shown or call_repr(func, *args)} raised {type(error).__name__}: {error}"  # a group, on 3.11+
        if closed and CallIn(ex.fetch_all, "TaskGroup").found() is not None:
            fail(
                f"{said}, each a"
                " RuntimeError('Session is closed'): the session's `async with` ended, and closed it, before the"
                " TaskGroup's tasks sent their requests",
                expected="every request sent, and answered, while the session is open",
                fix="Open the TaskGroup inside the session's block, so that it waits for its tasks before the session"
                " closes: `async with aiohttp.ClientSession() as session:`, then, indented under it, `async with"
                " asyncio.TaskGroup() as group:`. In `async with A() as a, B() as b:` B ends first, then A.",
                at=CallIn(ex.fetch_all, "TaskGroup"),
            )
        if _serving and (at := _closed_by_fetch_status(_serving[-1])):
            fail(
                f"{said}: fetch_status closed the session it"
                f" was given, at line {at.line}, so the requests after it had no session to go through",
                expected="fetch_status uses the session it is given and leaves it open: its owner closes it",
                fix="In fetch_status, write only `async with session.get(url) as response:`; `async with session:`"
                " closes the session when the block ends. fetch_all opens the session and closes it once.",
                at=at,
            )
        if getattr(func, "__wrapped__", func) is not ex.fetch_all:
            raise
        if (kept := _kept_session()) is not None:
            fail(
                f"{said}: `{kept}` holds a session that an earlier call of fetch_all made, closed since",
                expected="every request sent through a session that this call of fetch_all opened",
                fix="Each run of a program (here, each check) has an event loop of its own, and a session serves only"
                " the loop it was made on: open the session in fetch_all, `async with aiohttp.ClientSession() as"
                " session:`, in a local variable, not a global kept for later calls.",
                at=ex.fetch_all,
            )
        fail(
            f"{said}: the requests were sent through the session after the `async with` block had closed it",
            expected="every request sent, and answered, while the session is open",
            fix="Await the requests inside the block: `async with aiohttp.ClientSession() as session:` then, indented"
            " under it, `return await asyncio.gather(...)`. Leaving the block closes the session.",
            at=CallIn(ex.fetch_all, "gather", "wait", "as_completed"),
        )


def _session_closed(error: BaseException) -> bool:
    """Whether `error` is aiohttp's RuntimeError for a request sent through a closed session."""
    return isinstance(error, RuntimeError) and "session is closed" in str(error).lower()


def _session_and_url_swapped(error: AttributeError, func: Any, shown: str) -> None:
    """Fail when fetch_all called fetch_status with the URL where the session goes: fetch_status then asks a str for
    `get` (or `request`). The first check calls fetch_status right, so its line is not the one to change."""
    __tracebackhide__ = True
    raised = where(error)
    swapped = "'str' object has no attribute" in str(error) and raised is not None and raised.function == "fetch_status"
    if not swapped or getattr(func, "__wrapped__", func) is not ex.fetch_all:
        return
    fail(
        f"{shown} raised AttributeError: {error}: fetch_status was given a URL where its session goes, and asked it"
        " for a request",
        expected="fetch_status(session, url): the session first, then the URL, as fetch_status is defined",
        fix="Pass the arguments in the order of fetch_status's signature: `fetch_status(session, url)`.",
        at=CallIn(ex.fetch_all, "fetch_status").found() or ex.fetch_all,
    )


def _kept_session() -> str | None:
    """The name of a global of the student's module that holds a ClientSession (made by an earlier fetch_all), if
    one does: the server of the check that ran that call closed it as the check ended, so that no session outlives
    its check, and "the `async with` block had closed it" would blame a block the student never wrote."""
    return next((name for name, value in vars(ex).items() if isinstance(value, aiohttp.ClientSession)), None)


def _closed_by_fetch_status(server: FakeAiohttpServer) -> Location | None:
    """The student's line in fetch_status that closed a session (the one it was given), if one did."""
    return next((at for at in server.closed_at if at.function == "fetch_status"), None)


LIMIT = 4.0
"""Seconds any one call of the student's code may take (the slowest wrong path takes about one second)."""
CONCURRENTLY = (
    "Start every fetch before awaiting any: "
    "`await asyncio.gather(*(fetch_status(session, url) for url in urls))`; a `for` loop with `await` inside"
    " waits for each answer before sending the next request."
)
LONGEST_BLOCK = 0.2
"""Seconds of a whole fetch_all for which the loop may be stalled at the student's lines: a fetch_all of five mocked
answers holds it for a few hundredths even on a busy machine; a `time.sleep(0.1)` per URL holds it for half a second.
A stall shorter than this one (a single `time.sleep(0.15)`) passes: no check can tell it from a busy machine's."""
BLOCK_NOWHERE = (
    "Block the loop nowhere in fetch_status and fetch_all, before, between or after the requests: wait with"
    " `await asyncio.sleep(...)`, never `time.sleep(...)`. aiohttp's requests are coroutines so that the loop runs"
    " other coroutines while one waits; a call that blocks stops them all."
)
ONE_SESSION = (
    "Open the session once in fetch_all, `async with aiohttp.ClientSession() as session:`, and pass it to every"
    " fetch_status call."
)


_serving: list[FakeAiohttpServer] = []
"""The check's fake server, for `call_student` to ask which line closed a session."""


@pytest.fixture
async def server(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeAiohttpServer]:
    with FakeAiohttpServer(monkeypatch) as fake:
        _serving.append(fake)
        yield fake
        _serving.remove(fake)
        for session in fake.open_sessions():  # a student's leak must not warn in some later check
            await session.close()


CLOSE_ALWAYS = (
    "`async with aiohttp.ClientSession() as session:` closes it when the block ends, even by an exception; a"
    " session made with `aiohttp.ClientSession()` alone needs `await session.close()` in a `finally:`."
)
HTTP_ERRORS_ARE_ANSWERS = (
    "A 404 or a 500 is an answer: return `response.status`, without `raise_for_status()` (nor a session made with"
    " `ClientSession(raise_for_status=True)`)."
)


@check("fetch_status GETs the url with the session it is given and returns the status: 200, 404 and 500 as numbers")
async def test_returns_status_codes(server):
    async with aiohttp.ClientSession() as session:
        for status in (200, 404, 500):
            target = server.route(url(f"status/{status}"), status)
            shown = f"fetch_status(session, {target!r})"
            await expect_status(
                call_student(ex.fetch_status, session, target, limit=LIMIT, shown=shown),
                status,
                shown=shown,
                http_error=aiohttp.ClientResponseError,
                http_error_said=lambda error: f"{type(error).__name__}: {error}",
                http_error_fix=HTTP_ERRORS_ARE_ANSWERS,
                fix="`async with session.get(url) as response:` then `return response.status`.",
                at=ex.fetch_status,
            )
        again = url("status/200")
        asked = sum(sent.url == again for sent in server.sent)
        shown = f"fetch_status(session, {again!r})"
        got = await call_student(ex.fetch_status, session, again, limit=LIMIT, shown=shown)
        expect(
            sum(sent.url == again for sent in server.sent) > asked,
            f"{shown}, called a second time, returned {got!r} without sending a request",
            expected="a request on every call: a server's answer can change from one call to the next",
            fix="Send the request on every call: a status kept from an earlier call (in a dict at module level, say)"
            " is the answer the server gave then, not the one it gives now.",
            at=ex.fetch_status,
        )
    expect(
        server.sent,
        "fetch_status sent no request through the session it was given",
        expected="`session.get(url)`",
        at=ex.fetch_status,
    )
    others = [sent.url for sent in server.sent if sent.session is not session]
    expect(
        not others,
        f"fetch_status(session, {others[0] if others else ''!r}) sent its request through another ClientSession,"
        " not the `session` it was given",
        expected="every request sent with the `session` argument: fetch_all opens one session for all the URLs and"
        " each fetch_status call reuses it",
        fix="Use the session you are given, `async with session.get(url) as response:`; do not open another one"
        " in fetch_status.",
        at=ex.fetch_status,
    )


@check("a connection error in fetch_status propagates as aiohttp's exception")
async def test_fetch_status_raises_connection_errors(server):
    target = server.refuse(url("down"))
    shown = f"fetch_status(session, {target!r})"
    async with aiohttp.ClientSession() as session:
        try:
            got = await call_student(ex.fetch_status, session, target, limit=LIMIT, shown=shown)
        except aiohttp.ClientConnectionError:
            return
    fail(
        f"{shown} returned {got!r} for a server that refused the connection",
        expected="aiohttp.ClientConnectionError raised to the caller",
        **caught_in_fetch_status(connection_refused(target), ex),
    )


@check("when one fetch fails, fetch_all raises its exception")
async def test_fetch_all_propagates_errors(server):
    urls = [server.route(url("fine/1")), server.refuse(url("down")), server.route(url("fine/2"))]
    try:
        got = await call_student(ex.fetch_all, urls, limit=LIMIT)
    except Exception as error:
        if found_in(error, aiohttp.ClientConnectionError):
            return
        raised_in_place_of(
            error, aiohttp.ClientConnectionError, "aiohttp.ClientConnectionError", call_repr(ex.fetch_all, urls)
        )
        expect_not_retold(error, str(connection_refused(urls[1])), call_repr(ex.fetch_all, urls))
        raise
    fail(
        f"{call_repr(ex.fetch_all, urls)} returned {got!r} although {urls[1]} refused the connection",
        expected="the aiohttp.ClientConnectionError raised (or an ExceptionGroup holding it)",
        **swallowed(got, connection_refused(urls[1]), ex),
    )


def expect_not_retold(error: BaseException, refused: str, call: str) -> None:
    """Fail when `error`, or one inside the group it is, repeats aiohttp's words (`refused`) in an exception of the
    student's own, made from a result of `gather(..., return_exceptions=True)`: not raised while handling it, so
    `raised_in_place_of` does not see it."""
    if (retold := found_in(error, lambda inner: refused in str(inner))) is None:
        return
    fail(
        f"{call} raised {type(retold).__name__}: {retold}"
        + (", inside an ExceptionGroup" if retold is not error else "")
        + ": an exception of your own that repeats aiohttp's words",
        expected="the aiohttp.ClientConnectionError itself (or an ExceptionGroup holding it)",
        fix="Raise aiohttp's exception object itself: gather without return_exceptions=True lets it through; with"
        " it, `raise` the exception you find among the results, not a new one made of its words.",
        at=where(error) or ex.fetch_all,  # the raise: a group's own errors were never raised themselves
    )


@check("fetch_all returns every status, 404 and 500 too, in the order of urls, whatever order the answers arrive in")
async def test_fetch_all_keeps_order(server):
    route_order_case(server.route)  # all successes: a solution that raises for 4xx and 5xx loses one check, not two
    with backwards_in_sets(asyncio.get_running_loop()):  # a done set of asyncio.wait lists them backwards
        got = await call_student(ex.fetch_all, ORDER_URLS, limit=LIMIT)
    expect(
        isinstance(got, (list, tuple)) and list(got) == ORDER_EXPECTED and all(map(is_status, got)),
        f"{call_repr(ex.fetch_all, ORDER_URLS)} returned {got!r}{order_slip(got)}",
        expected=f"{ORDER_EXPECTED}, one status per URL in the order of urls",
        fix=order_fix(got),
        at=ex.fetch_all,
    )
    empty = await call_student(ex.fetch_all, [], limit=LIMIT)
    expect(
        isinstance(empty, (list, tuple)) and list(empty) == [],
        f"fetch_all([]) returned {empty!r}",
        expected="[]",
        at=ex.fetch_all,
    )
    answers = [server.route(url("answer/404"), 404), server.route(url("answer/500"), 500)]
    async with aiohttp.ClientSession() as session:
        try:
            await call_student(ex.fetch_status, session, answers[0], limit=LIMIT, shown="fetch_status(...)")
        except aiohttp.ClientResponseError:
            return  # fetch_status itself raises for a 404: the first check says so, and one slip costs one check
    try:
        got = await call_student(ex.fetch_all, answers, limit=LIMIT)
    except CheckFailure:
        raise  # the grader's own verdict on the call (it never ended, say): its words, not a student's error's
    except Exception as error:
        answered = found_in(error, aiohttp.ClientResponseError)  # raise_for_status, in a TaskGroup's group too
        if (
            answered is None
            and not isinstance(error, aiohttp.ClientError)
            and not any(code in str(error) for code in ("404", "500"))
        ):
            raise
        own = answered is None  # raised by the student's code for the statuses
        fail(
            f"{call_repr(ex.fetch_all, answers)} raised {type(error).__name__}: {error}, although the server answered"
            " both requests",
            expected="[404, 500]",
            fix="A 404 or a 500 is an answer, and fetch_all returns it in its list as it returns a 200: raise no error"
            " of your own for a status. Only what aiohttp raises (a connection that fails) comes out of fetch_all."
            if own
            else HTTP_ERRORS_ARE_ANSWERS,
            at=(where(error) if own else None) or ex.fetch_all,
        )
    expect(list(got) == [404, 500] if isinstance(got, (list, tuple)) else False,
           f"{call_repr(ex.fetch_all, answers)} returned {got!r}", expected="[404, 500]",
           fix=ORDER_FIX if got in ([500, 404], (500, 404)) else HTTP_ERRORS_ARE_ANSWERS, at=ex.fetch_all)  # fmt: skip


@check(
    "fetch_all sends the requests concurrently from the event loop it is awaited on, no threads: five slow requests"
    " are in flight at the same time, that loop keeps running while they are, and fetch_all waits for their answers"
    " however long they take"
)
async def test_fetch_all_concurrent(server):
    loop = asyncio.get_running_loop()
    due_before = loop.time() + LIMIT  # a timer due later is a timeout of the student's, past the call's own limit
    ending: list[Ending] = []
    timers = StudentTimers(loop)
    fetch_all = ending_with(lambda error: ending.append(Ending(timers.holding, error)))
    with timers:
        # Once all five are in flight, the answers wait for every timer of the student's code to fire: a fixed wait
        # is then over before the answers come, however busy the machine.
        release = functools.partial(timers.fired, due_before)
        urls = [server.route(url(f"together/{i}"), 200, together=5, release=release) for i in range(5)]
        shown = call_repr(ex.fetch_all, urls)
        async with LoopWatch(ROOT) as watching:
            started = time.monotonic()
            try:
                got = await call_student(fetch_all, urls, limit=LIMIT, shown=shown)
            except NotImplementedError:
                raise
            except Exception:  # a CheckFailure too: a TimeoutError of the student's own reads as the call's limit
                expect_waited_for_the_answers(timers, ending)
                raise
            ended = time.monotonic()
    expect_waited_for_the_answers(timers, ending, got)
    expect(
        isinstance(got, (list, tuple)) and list(got) == [200] * 5,
        f"fetch_all of five URLs returned {got!r}",
        expected="[200, 200, 200, 200, 200]",
        fix=statuses_fix(got, 5),
        at=ex.fetch_all,
    )
    elsewhere = sum(sent.thread != threading.get_ident() for sent in server.sent)
    expect(
        not elsewhere,
        f"{elsewhere} of the {len(server.sent)} requests were sent from another thread, by an event loop that"
        " fetch_all ran there (e.g. `asyncio.to_thread(asyncio.run, ...)`), not by the loop that awaited fetch_all",
        expected="every request sent by the event loop fetch_all is awaited on, without threads",
        fix="The lesson's point is that aiohttp's requests are coroutines: they run concurrently on the one event"
        " loop, so no thread is needed. Await them right in fetch_all: `async with aiohttp.ClientSession() as"
        " session:` and `await asyncio.gather(...)`.",
        at=ex.fetch_all,
    )
    most = server.most_in_flight
    limit = min(server.connection_limits, default=0)
    if most < 5 and limit and limit < 5:
        fail(
            f"{in_flight(most, 5)}: the session's connector allows only {limit} open connection(s)"
            f" (TCPConnector(limit={limit}) or limit_per_host={limit}), so the other requests waited for a free one",
            expected="all five requests in flight at once: about as long as one request, not five",
            fix="Leave the connector's limits at their defaults (100 connections): `aiohttp.ClientSession()` as it is.",
            at=CallIn(ex.fetch_all, "TCPConnector", "ClientSession"),
        )
    expect(
        most >= 5,
        f"{in_flight(most, 5)}: {sent_in_turn(most, server.served)}",
        expected="all five requests in flight at once: about as long as one request, not five",
        fix=in_turn_fix(most, server.served, CONCURRENTLY),
        at=ex.fetch_all,
    )
    blocked, worst = watching.report.blocked_for(started, ended)
    expect(
        blocked <= LONGEST_BLOCK,
        f"the 5 requests were in flight at once, but fetch_all blocked the event loop for {blocked:.2f} s of the"
        f" {ended - started:.2f} s it took" + (f" (the longest: {worst.describe()})" if worst else ""),
        expected="the event loop keeps running from the start of fetch_all to its end, with nothing that stops it",
        fix=BLOCK_NOWHERE,
        at=(worst.location if worst else None) or ex.fetch_all,
    )
    # The server held the first ones until the last arrived: a fetch_all that holds each one back looks
    # concurrent there, and takes as long as the wait it adds.
    expect_sent_together(
        server.served, "all five sent at once: about as long as one request, not longer", CONCURRENTLY, at=ex.fetch_all
    )


@check("fetch_all opens one ClientSession for all the URLs")
async def test_uses_one_session(server):
    urls = [server.route(url(f"session/{i}")) for i in range(3)]
    try:
        await call_student(ex.fetch_all, urls, limit=LIMIT)
    except CheckFailure:
        if not _closed_by_fetch_status(server) or len(server.sessions) != 1:
            raise  # one session that fetch_status closed early is still one session: other checks tell the rest
    made = len(server.sessions)
    expect(
        made >= 1,
        "fetch_all opened no aiohttp.ClientSession",
        expected="one session, used for every request",
        fix=ONE_SESSION,
        at=ex.fetch_all,
    )
    if made == 1:
        return
    by_request = [opened.at for opened in server.opened if opened.by_request]
    if by_request:
        fail(
            f"fetch_all opened {made} ClientSession objects for {len(urls)} URLs: each `aiohttp.request(...)` opens a"
            " session of its own, for its one request",
            expected="one session shared by every request: it keeps a pool of connections to reuse",
            fix=ONE_SESSION + " There, `session.get(url)` sends the request instead of `aiohttp.request`.",
            at=by_request[0] or ex.fetch_all,
        )
    fail(
        f"fetch_all opened {made} ClientSession objects for {len(urls)} URLs",
        expected="one session shared by every request: it keeps a pool of connections to reuse",
        fix=ONE_SESSION,
        at=_opening_many(server.opened) or ex.fetch_all,
    )


def _opening_many(opened: list[Opened]) -> Location | None:
    """The student's line that made more than one of the sessions (one per URL, or per call of fetch_status)."""
    for line, made in Counter(session.at for session in opened if session.at).most_common(1):
        if made > 1:
            return line
    return None


def ending_with(note: Callable[[BaseException | None], None]) -> Any:
    """fetch_all, calling `note(error)` the moment its coroutine returns (with None) or raises, in its own task, before
    any other task has run on: what it left behind is seen as it was then. Looked at later, it would have run or not
    depending on the Python version (wait_for runs the coroutine in a task of its own before 3.12, which gives other
    tasks a turn before the caller resumes)."""
    func = ex.fetch_all

    @functools.wraps(func)
    def fetch_all(*args: Any) -> Any:
        awaitable = func(*args)
        if not inspect.isawaitable(awaitable):
            return awaitable  # not a coroutine: await_call says so

        async def noting() -> Any:
            try:
                got = await awaitable
            except BaseException as error:
                note(error)
                raise
            note(None)
            return got

        return noting()

    return fetch_all


def noting_open_sessions(server: FakeAiohttpServer, noted: list[aiohttp.ClientSession]) -> Any:
    """fetch_all, noting the sessions still open the moment its coroutine returns or raises: a close left to another
    task (`asyncio.create_task(session.close())`) has not run yet then."""
    return ending_with(lambda _: noted.__setitem__(slice(None), server.open_sessions()))


@dataclass(frozen=True)
class Ending:
    """How the student's fetch_all ended: the requests still waiting for their answers then, and what it raised."""

    unanswered: int
    error: BaseException | None


def expect_waited_for_the_answers(timers: StudentTimers, ending: list[Ending], got: Any = None) -> None:
    """Fail when fetch_all ended with requests still unanswered after the server held their answers for a timer of
    the student's code: it waited a fixed time, then went on without them."""
    waited = timers.waited_for
    if not waited or not ending or not ending[-1].unanswered:
        return
    timer, unanswered, error = waited[0], ending[-1].unanswered, ending[-1].error
    ended = f"returned {got!r}" if error is None else f"raised {type(error).__name__}"
    ended += f": {str(error).rstrip('.')}" if str(error or "") else ""
    fail(
        f"fetch_all of five URLs {ended}, with {unanswered} of its requests still waiting for their answers:"
        f" it waited a fixed time ({timer.delay:.2g} s, on a timer set at line {timer.at.line}), not for its requests",
        expected="fetch_all waits for every answer, however long the server takes, then returns the statuses",
        fix="Await the requests themselves, not the clock: `return await asyncio.gather(*(fetch_status(session, url)"
        " for url in urls))` returns once the last answer has arrived, however long that takes. A fixed wait"
        " (`asyncio.sleep(...)`, or a `timeout=` given to asyncio.wait or asyncio.wait_for) is over before a slower"
        " server answers.",
        at=timer.at,
    )


@check("fetch_all closes its session before returning, and before raising when a fetch fails")
async def test_closes_the_session(server):
    urls = [server.route(url(f"close/{i}")) for i in range(2)]
    noted: list[aiohttp.ClientSession] = []
    fetch_all = noting_open_sessions(server, noted)
    await call_student(fetch_all, urls, limit=LIMIT, shown=call_repr(ex.fetch_all, urls))
    left = noted
    if left:  # closed a moment later, with fetch_all over: by a task it left behind (see noting_open_sessions)
        await asyncio.sleep(0.01)
    in_a_task = left and all(session.closed for session in left)
    expect(
        server.sessions and not left,
        f"{len(left)} ClientSession(s) were still open when fetch_all returned"
        if server.sessions
        else "fetch_all opened no aiohttp.ClientSession",
        expected="the session closed before fetch_all returns (aiohttp warns 'Unclosed client session' otherwise)",
        fix=CLOSE_ALWAYS
        + (
            " A close handed to a task of its own runs only after fetch_all has returned: await session.close() itself."
            if in_a_task
            else ""
        ),
        at=CallIn(ex.fetch_all, "create_task", "ensure_future") if in_a_task else ex.fetch_all,
    )
    before, ended = len(server.sessions), "returned"
    try:
        await call_student(fetch_all, [], limit=LIMIT, shown="fetch_all([])")
    except (CheckFailure, NotImplementedError):
        raise
    except Exception as error:  # what fetch_all([]) gives is test_fetch_all_keeps_order's claim
        ended = f"raised {type(error).__name__}"
    left = [session for session in server.sessions[before:] if session in noted]
    expect(
        not left,
        f"fetch_all([]) {ended} with its ClientSession still open, although with URLs fetch_all closes it: the"
        " way out for an empty list skips the close",
        expected="no session left open, whatever the list of urls: none opened, or the one opened closed",
        fix="Return [] before the session is made (`if not urls: return []` first), or make every way out close"
        " it: `async with aiohttp.ClientSession() as session:` closes it however the block is left.",
        at=CallIn(ex.fetch_all, "ClientSession"),
    )
    failing = [server.route(url("close/fine")), server.refuse(url("close/down"))]
    before = len(server.sessions)
    try:
        await call_student(fetch_all, failing, limit=LIMIT, shown=call_repr(ex.fetch_all, failing))
    except (CheckFailure, NotImplementedError):
        raise
    except Exception:  # whether and how it propagates is test_fetch_all_propagates_errors' claim
        pass
    left = [session for session in server.sessions[before:] if session in noted]
    expect(
        not left,
        f"{len(left)} ClientSession(s) were left open when {call_repr(ex.fetch_all, failing)} ended because"
        f" {failing[1]} refused the connection",
        expected="the session closed whether the fetches succeed or one of them raises",
        fix=CLOSE_ALWAYS,
        at=ex.fetch_all,
    )
