"""A fake HTTP server for aiohttp (exercise 06): aioresponses, plus a count of sessions and requests in flight.

aioresponses patches `ClientSession._request`: an unregistered URL raises `ClientConnectionError` without
touching the network. Its callbacks must be real `async def` functions, and a response without `reason=` makes
`raise_for_status()` fail with `AssertionError` instead of `ClientResponseError`, so both are given here.
Sessions are counted by spying on `ClientSession.__init__`, which `from aiohttp import ClientSession` cannot
bypass, and the student's line that closed each is noted by spying on `close`. Every request, refused ones
included, is recorded with the session that sent it and the thread it was sent from (`Sent`), read where
aioresponses receives the session itself: a request from a session of the student's own, or from a loop run in
a worker thread, gets the same answers and would otherwise go unseen.

aioresponses answers without the session's connector, so the connector's limit on open connections
(`TCPConnector(limit=N)` or `limit_per_host=N`: every URL here is on one host) is kept here instead: a session
has at most N requests in flight, as it would against a real server, and `connection_limits` notes each limit.
"""

from __future__ import annotations

import asyncio
import errno
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import FrameType, TracebackType
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey
from aioresponses import CallbackResult, aioresponses

from grader.model import Location
from grader.probes.traffic import MEETING_TIME, ORDER_MARGIN, WAIT_LIMIT, Served, proxies_to_nowhere
from grader.testing import calling_line


@dataclass(frozen=True)
class Sent:
    """One request as it left the student's code, answered or refused."""

    url: str
    session: aiohttp.ClientSession
    """The `ClientSession` whose request method was called."""
    thread: int
    """`threading.get_ident()` of the thread whose event loop sent it."""


class _RecordingMock(aioresponses):
    """aioresponses, noting the sender of each request before answering it."""

    def __init__(self, sent: list[Sent], connection_limits: list[int]) -> None:
        self._sent = sent
        self._connection_limits = connection_limits
        self._slots: dict[int, tuple[aiohttp.ClientSession, asyncio.Semaphore]] = {}
        super().__init__()  # patches `ClientSession._request` with `self._request_mock`: the override below

    async def _request_mock(
        self, orig_self: aiohttp.ClientSession, method: str, url: Any, *args: Any, **kwargs: Any
    ) -> aiohttp.ClientResponse:
        self._sent.append(Sent(str(url), orig_self, threading.get_ident()))
        if method.upper() != "GET":  # aioresponses would say "Connection refused", and the student look for a fault
            raise aiohttp.ClientConnectionError(
                f"the checks' server answers GET requests only, not {method.upper()} {url}: fetch a URL with"
                " session.get(url), as the exercise asks"
            )
        slots = self._connection_slots(orig_self)
        if slots is None:
            return await super()._request_mock(orig_self, method, url, *args, **kwargs)
        async with slots:
            return await super()._request_mock(orig_self, method, url, *args, **kwargs)

    def _connection_slots(self, session: aiohttp.ClientSession) -> asyncio.Semaphore | None:
        """The session's connections, as its connector limits them (None: no limit)."""
        known = self._slots.get(id(session))
        if known is not None and known[0] is session:
            return known[1]
        connector = getattr(session, "connector", None)
        limits = [n for n in (getattr(connector, "limit", 0), getattr(connector, "limit_per_host", 0)) if n]
        if not limits:
            return None
        self._connection_limits.append(min(limits))
        slots = asyncio.Semaphore(min(limits))
        self._slots[id(session)] = (session, slots)
        return slots


def connection_refused(url: str) -> aiohttp.ClientConnectorError:
    """The error aiohttp raises when the server at `url` refuses the connection (3.9 to 3.13 alike)."""
    parts = urlsplit(url)
    given = {"host": parts.hostname, "port": parts.port or 80, "is_ssl": False, "ssl": True}
    key = ConnectionKey(**{field: given.get(field) for field in ConnectionKey._fields})
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed"))


@dataclass(frozen=True)
class Opened:
    """Where a ClientSession was made: the student's line, and whether `aiohttp.request(...)` made it there (it opens
    a session of its own for its one request)."""

    at: Location | None
    by_request: bool


def _made_by_request(frame: FrameType | None) -> bool:
    return frame is not None and frame.f_code is _REQUEST_CODE


_REQUEST_CODE = getattr(aiohttp.client.request, "__code__", None)


class FakeAiohttpServer:
    """Use as `with FakeAiohttpServer(monkeypatch) as server:` around the student's calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sent: list[Sent] = []
        self.connection_limits: list[int] = []
        """The limit on open connections of each session that sent a request and had one (100 by default)."""
        self._mock = _RecordingMock(self.sent, self.connection_limits)
        proxies_to_nowhere(monkeypatch)
        self.sessions: list[aiohttp.ClientSession] = []
        self.opened: list[Opened] = []
        """Where each session of `sessions` was made, in the same order."""
        original = aiohttp.ClientSession.__init__
        sessions, opened = self.sessions, self.opened

        def spy(session: aiohttp.ClientSession, *args, **kwargs) -> None:
            sessions.append(session)
            opened.append(Opened(calling_line(), _made_by_request(sys._getframe(1))))
            original(session, *args, **kwargs)

        monkeypatch.setattr(aiohttp.ClientSession, "__init__", spy)
        self.closed_at: list[Location] = []
        """The student's lines that closed a session (`async with` ends by calling close), in order."""
        close, closed_at = aiohttp.ClientSession.close, self.closed_at

        async def close_spy(session: aiohttp.ClientSession) -> None:
            if not session.closed and (line := calling_line()) is not None:
                closed_at.append(line)
            await close(session)

        monkeypatch.setattr(aiohttp.ClientSession, "close", close_spy)
        self._answered: dict[str, asyncio.Event] = {}
        self._gathered: asyncio.Event | None = None
        self._gave_up = False
        self.in_flight = 0
        self.most_in_flight = 0
        self.served: list[Served] = []

    def __enter__(self) -> FakeAiohttpServer:
        self._mock.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._mock.__exit__(exc_type, exc, tb)

    def route(
        self,
        url: str,
        status: int = 200,
        *,
        latency: float = 0.0,
        together: int = 0,
        after: str | None = None,
        release: Callable[[], Awaitable[None]] | None = None,
    ) -> str:
        """Answer `url` with `status` after `latency` seconds; hold it until `together` requests are in flight,
        or until `after` has been answered, then until `release()` returns (unless the server gave up holding
        requests meanwhile). Returns `url`."""

        async def respond(_url: object, **_kwargs: object) -> CallbackResult:
            await self._serve(url, latency, together, after, release)
            return CallbackResult(status=status, body="", reason=HTTPStatus(status).phrase)

        self._mock.get(url, callback=respond, repeat=True)
        return url

    def refuse(self, url: str) -> str:
        """Fail `url` as a server that is down does: with `aiohttp.ClientConnectorError`, the subclass of
        `ClientConnectionError` (and of `OSError`) that aiohttp raises for a refused connection, so that code catching
        it, or `OSError`, is caught here as it would be there. Returns `url`."""
        self._mock.get(url, exception=connection_refused(url), repeat=True)
        return url

    def open_sessions(self) -> list[aiohttp.ClientSession]:
        return [s for s in self.sessions if not s.closed]

    async def _serve(
        self, url: str, latency: float, together: int, after: str | None, release: Callable[[], Awaitable[None]] | None
    ) -> None:
        started = time.monotonic()
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if together and self._gave_up:
                await asyncio.sleep(MEETING_TIME)
            elif together:
                gathered = self._gathered = self._gathered or asyncio.Event()
                if self.in_flight >= together:
                    gathered.set()
                await self._hold(gathered)
            if after:
                await self._hold(self._answered.setdefault(after, asyncio.Event()))
                if not self._gave_up:
                    await asyncio.sleep(ORDER_MARGIN)
            if release is not None and not self._gave_up:
                await release()
            if latency:
                await asyncio.sleep(latency)
        finally:
            self.in_flight -= 1
            self._answered.setdefault(url, asyncio.Event()).set()
            self.served.append(Served(url, threading.get_ident(), started, time.monotonic()))

    async def _hold(self, event: asyncio.Event) -> None:
        if self._gave_up:
            return
        try:
            await asyncio.wait_for(event.wait(), WAIT_LIMIT)
        except asyncio.TimeoutError:  # not the builtin TimeoutError before 3.11
            self._gave_up = True
            for waiting in (self._gathered, *self._answered.values()):
                if waiting is not None:
                    waiting.set()
