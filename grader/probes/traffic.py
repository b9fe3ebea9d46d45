"""What the fake HTTP servers of exercises 05 and 06 record about each request, and their shared settings.

Concurrency is judged by structure, not by the stopwatch: a server counts the requests in flight inside its own
handler, holds some of them until others arrive (`together`) or answer (`after`), and notes the thread that
sent each one. Every wait has a limit; once one wait runs out the server stops holding requests back, so a
wrong solution costs one `WAIT_LIMIT`, not one per request.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_URL = "http://status.test"
"""`.test` is reserved (RFC 2606): no such host exists, should a request ever escape the mocks."""
DEAD_PROXY = "http://127.0.0.1:9"
"""Set as every proxy variable while a fake server runs: a child process that escapes the mocks (they do not
reach spawn or forkserver children) gets a refused local connection instead of a real request."""
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")
WAIT_LIMIT = 1.0
"""Seconds a held request waits for the others before the server gives up holding requests."""
ORDER_MARGIN = 0.05
"""Seconds between one answer and the next in an `after` chain: room for the first to reach the caller."""


HELD_BACK = " And let nothing hold them back: a Semaphore (or any limit) of N lets only N through at once."
"""Added to the fix when some requests overlapped but not all: something let only a few through at a time."""


def in_flight(most: int, total: int) -> str:
    """How many requests a server saw at once, for a failure message: 'at most 2 of the 5 requests were ...'."""
    return f"at most {most} of the {total} requests {'was' if most == 1 else 'were'} in flight at a time"


def sent_in_turn(most: int) -> str:
    """What a server that saw at most `most` requests at once can say of their order."""
    return "each request was sent only after " + (
        "the previous one had answered" if most <= 1 else "an earlier one had answered"
    )


def url(path: str) -> str:
    return f"{BASE_URL}/{path}"


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
