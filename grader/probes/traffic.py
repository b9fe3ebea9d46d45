"""What the fake HTTP servers of exercises 05 and 06 record about each request, and their shared settings.

Concurrency is judged by structure, not by the stopwatch: a server counts the requests in flight inside its own
handler, holds some of them until others arrive (`together`) or answer (`after`), and notes the thread that
sent each one. Every wait has a limit; once one wait runs out the server stops holding requests back, so a
wrong solution costs one `WAIT_LIMIT`, not one per request.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType
from typing import TYPE_CHECKING, Any

from grader.except_clauses import catching_handler_in
from grader.testing import CallIn, expect, fail

if TYPE_CHECKING:
    import pytest

BASE_URL = "http://status.test"
"""`.test` is reserved (RFC 2606): no such host exists, should a request ever escape the mocks."""
_DEAD_PROXY = "http://127.0.0.1:9"
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
_NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")
WAIT_LIMIT = 1.0
"""Seconds a held request waits for the others before the server gives up holding requests."""
MEETING_TIME = 0.05
"""Seconds the server still holds each request meant to wait for others, once it has given up waiting for all of
them: requests sent together then still overlap in its handler, and a message counts them right (four in flight at
once after a first one awaited alone, not one)."""
ORDER_MARGIN = 0.05
"""Seconds between one answer and the next in an `after` chain: room for the first to reach the caller."""


def proxies_to_nowhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set every proxy variable to a dead local port while a fake server runs: a child process that escapes the
    mocks (they do not reach spawn or forkserver children) gets a refused local connection instead of a real
    request."""
    for name in _PROXY_VARIABLES:
        monkeypatch.setenv(name, _DEAD_PROXY)
    for name in _NO_PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


HELD_BACK = " And let nothing hold them back: a Semaphore (or any limit) of N lets only N through at once."
"""Added to the fix when some requests overlapped but not all: something let only a few through at a time."""


def in_flight(most: int, total: int) -> str:
    """How many requests a server saw at once, for a failure message: 'at most 2 of the 5 requests were ...'."""
    return f"at most {most} of the {total} requests {'was' if most == 1 else 'were'} in flight at a time"


SPREAD_LIMIT = 0.3
"""Seconds from the first of a batch of requests to the last reaching the server: requests started together arrive
within a few hundredths of a second (a few tenths on a machine under heavy load); one held back 0.2 s after another
spreads five over 0.8 s, and costs as much in the end."""
STAGGERED = (
    "Nothing may wait between starting one request and the next: no `await asyncio.sleep(...)` in the loop that"
    " starts them. "
)
"""Put before a suite's own advice on starting them all (its CONCURRENTLY)."""


TIMER_GAP = 0.1
"""Seconds between one request and the next beyond which, when no answer came in between, the student's code waited
on a timer: requests started together reach the server within a few hundredths of a second of each other."""


def sent_over(served: Iterable[Served]) -> float:
    """Seconds from the first request to reach the server to the last."""
    started = sorted(request.started for request in served)
    return started[-1] - started[0] if started else 0.0


def expect_sent_together(served: list[Served], expected: str, concurrently: str, at: Any) -> None:
    """Fail unless the requests reached the server within SPREAD_LIMIT of each other: a server that holds the first
    ones until the last arrives sees them all in flight however late the last was sent. `concurrently` is the
    suite's advice on starting them all."""
    over = sent_over(served)
    expect(
        over <= SPREAD_LIMIT,
        f"all {len(served)} requests were in flight at once in the end, but they reached the server over {over:.2f} s,"
        f" {sent_apart(served)}: fetch_all held each one back before sending the next",
        expected=expected,
        fix=STAGGERED + concurrently,
        at=at,
    )


def sent_apart(served: Iterable[Served]) -> str:
    """'about 0.25 s apart': the typical gap between one request reaching the server and the next."""
    started = sorted(request.started for request in served)
    gaps = sorted(b - a for a, b in pairwise(started))
    return f"about {gaps[len(gaps) // 2]:.2f} s apart" if gaps else "one at a time"


def held_back_on_a_timer(served: Iterable[Served]) -> bool:
    """Whether some request reached the server well after the one before it (`TIMER_GAP`), while none of the earlier
    ones had been answered: nothing of the server's let it go, the student's code waited before sending it."""
    ordered = sorted(served, key=lambda request: request.started)
    return any(
        request.started - ordered[index - 1].started > TIMER_GAP
        and all(earlier.ended > request.started for earlier in ordered[:index])
        for index, request in enumerate(ordered)
        if index
    )


def sent_in_turn(most: int, served: Iterable[Served] = ()) -> str:
    """What a server that saw at most `most` requests at once can say of their order: each waited for an answer, or
    (`served` says) they went out one by one anyway."""
    served = list(served)
    if held_back_on_a_timer(served):
        return f"the requests reached the server one by one, {sent_apart(served)}, without waiting for answers"
    return "each request was sent only after " + (
        "the previous one had answered" if most <= 1 else "an earlier one had answered"
    )


def in_turn_fix(most: int, served: Iterable[Served], concurrently: str) -> str:
    """The fix that goes with `sent_in_turn`: `concurrently`, a suite's advice on starting them all, and why not."""
    if held_back_on_a_timer(served):
        return STAGGERED + concurrently
    return concurrently if most <= 1 else concurrently + HELD_BACK


def url(path: str) -> str:
    return f"{BASE_URL}/{path}"


ORDER_STATUSES = {"order/c": 201, "order/a": 200, "order/d": 203, "order/b": 202}
"""The order check's URLs and their statuses. Each is answered after the next one (b first, c last), and the
names are not in URL order either, so answers in arrival order, a done set, or a dict read back sorted all differ
from the order of `urls`."""
ORDER_URLS = [url(path) for path in ("order/c", "order/a", "order/d", "order/b", "order/a")]
"""Five requests, the most the contract allows at once; "order/a" twice, since a dict keyed by URL keeps one."""
ORDER_EXPECTED = [ORDER_STATUSES[link.removeprefix(f"{BASE_URL}/")] for link in ORDER_URLS]
ORDER_FIX = (
    "`asyncio.gather` returns the results in the order of its arguments, one per argument, whenever they arrive;"
    " `as_completed`, the done set of `asyncio.wait` and a dict keyed by URL do not."
)


def order_fix(got: Any) -> str:
    """The fix for a wrong answer to the order case: the order's, unless the answer is no list at all (a generator, a
    map, dict.values()) or the list holds something else than status codes (response objects, None), where the order
    is not what went wrong: then what to return instead."""
    if not isinstance(got, (list, tuple)):
        return _not_a_list_fix(got)
    items = list(got)
    other = next((item for item in items if type(item) is not int), None)
    if not items or all(type(item) is int for item in items):
        return ORDER_FIX
    held = "None" if other is None else f"{type(other).__name__} objects"
    return f"Return the status codes themselves, numbers such as 200, one per URL: your list holds {held}."


def statuses_fix(got: Any, urls: int) -> str | None:
    """The fix for what a fetch_all returned when it is not one status per URL: a check about something else (the
    requests' concurrency) that cannot go on without the statuses says what to return, not only what came back."""
    if not isinstance(got, (list, tuple)):
        return _not_a_list_fix(got)
    if any(type(item) is not int for item in got):
        return order_fix(got)
    if len(got) != urls:
        return f"Return one status per URL, {urls} for {urls} URLs: `asyncio.gather(...)` gives one result per call."
    return None


def _not_a_list_fix(got: Any) -> str:
    return (
        f"Return a list of the status codes, one per URL in the order of urls, not a {type(got).__name__}:"
        " `asyncio.gather(...)` gives that very list."
    )


async def expect_status(
    fetching: Awaitable[Any],
    status: int,
    *,
    shown: str,
    http_error: type[BaseException],
    http_error_said: Callable[[BaseException], str],
    http_error_fix: str,
    fix: str,
    at: Any,
) -> None:
    """Fail unless `fetching`, the student's fetch_status (shown as `shown`) of a URL the fake server answers with
    `status`, returns that very number. `http_error` is the client's exception for an error status, worded by
    `http_error_said`: a 404 or a 500 is an answer too, and raising it gets `http_error_fix`."""
    __tracebackhide__ = True
    try:
        got = await fetching
    except http_error as error:
        fail(
            f"{shown} raised {http_error_said(error)}",
            expected=f"the number {status}",
            fix=http_error_fix,
            at=at,
        )
    expect(
        isinstance(got, int) and got == status,
        f"{shown} returned {got!r}",
        expected=f"the status code, {status}",
        fix=fix,
        at=at,
    )


def caught_in_fetch_status(error: BaseException, ex: ModuleType) -> dict[str, Any]:
    """The fix and the line for a fetch_status of the student's module `ex` that returned although its request
    failed with an `error` like this one: the `except` that caught it, in fetch_status or a helper of theirs."""
    caught = catching_handler_in(ex, error, ex.fetch_status)
    where = (caught and caught.function) or "fetch_status"
    return {"fix": f"Let the exception through: do not catch it in {where}.", "at": caught or ex.fetch_status}


def swallowed(got: Any, error: BaseException, ex: ModuleType) -> dict[str, Any]:
    """The fix and the line for a fetch_all of the student's module `ex` that returned although one fetch failed with
    an `error` like this one: where their code caught it, unless asyncio.gather handed it back in the list
    (return_exceptions=True)."""
    handed_back = isinstance(got, list) and any(isinstance(status, BaseException) for status in got)
    caught = None if handed_back else catching_handler_in(ex, error, ex.fetch_all, ex.fetch_status)
    if caught is None:
        asked = CallIn(ex.fetch_all, "exception").found()  # `if task.exception() is None`: the failed ones left out
        if asked is not None and not handed_back:
            fix = (
                "A failed fetch must make fetch_all raise, not leave its URL out: read every task's result with"
                " `task.result()`, which raises the exception the task ended with, or let `asyncio.gather(...)`"
                " raise it for you."
            )
            return {"fix": fix, "at": asked}
        fix = "`asyncio.gather(...)` without `return_exceptions=True` lets the first exception through."
        return {"fix": fix, "at": ex.fetch_all}
    fix = f"{caught.function or 'Your code'} caught the exception and went on: let it through, and fetch_all raises it."
    return {"fix": fix, "at": caught}


def route_order_case(route: Callable[..., str]) -> None:
    """Route the order check's URLs on a fake server whose `route(url, status, after=...)` holds a request until
    `after` has been answered."""
    paths = list(ORDER_STATUSES)
    for path, answered_after in zip(paths, [*paths[1:], None], strict=True):
        route(url(path), ORDER_STATUSES[path], after=url(answered_after) if answered_after else None)


def is_status(item: Any) -> bool:
    """Whether `item` is a status code as the exercises return it: an int (http.HTTPStatus is one), not a float, a
    bool or a str that only compares or prints like one."""
    return isinstance(item, int) and not isinstance(item, bool)


def order_slip(got: Any) -> str:
    """What a wrong answer to the order case looks like, to add to its failure message ('' when unclear). Compared
    as multisets: the student's list may hold anything (None from a missing return, response objects)."""
    if not isinstance(got, (list, tuple)):
        return ""
    got = list(got)
    other = next((item for item in got if not is_status(item)), None)
    if got == ORDER_EXPECTED and other is not None:
        return f": the right numbers, but {type(other).__name__} objects, not int status codes"
    answered = list(ORDER_STATUSES.values())[::-1]
    if got == sorted(ORDER_EXPECTED, key=answered.index):
        return ": the order in which the answers arrived"
    if got == [ORDER_STATUSES[path] for path in sorted(ORDER_STATUSES)]:
        return ": one status per distinct URL, sorted by URL"
    if _same_items(got, ORDER_STATUSES.values()):
        return f": one status per distinct URL, although {ORDER_URLS[1]} is in urls twice"
    if _same_items(got, ORDER_EXPECTED):
        return ": every status, in another order than the URLs'"
    return ""


def _same_items(got: list[Any], expected: Iterable[int]) -> bool:
    try:
        return Counter(got) == Counter(expected)
    except TypeError:  # unhashable items: not statuses anyway
        return False


@dataclass(frozen=True)
class Served:
    """One request the fake server answered (or refused)."""

    url: str
    thread: int
    """`threading.get_ident()` of the thread that sent it."""
    started: float
    """`time.monotonic()` when the server got it."""
    ended: float
    """`time.monotonic()` when the server answered."""
