"""A fake HTTP server for `requests` (exercise 05), answering from threads in parallel.

requests-mock's `Mocker` runs every request under one global lock, which would make threaded requests look
sequential; a `requests_mock.Adapter` returned by a patched `requests.Session.get_adapter` has no such lock. An
unregistered URL raises a `requests.ConnectionError` that says so; nothing ever reaches the network.

A request sent from a worker process would never reach this server (it lives in the grader's process), so a call
handed to a process pool runs in a stand-in thread instead (as many threads as the pool has workers): the exercise
asks for an executor, and a process pool is one (the lesson's own aside hands `requests` to one), judged as the
threads it stands for. The call is pickled first, as a real pool pickles it to send it to a worker: one that cannot
be (a lambda, a function defined inside another) fails as it does for real, with the future's result, and the
server notes it (`unpicklable`) for the checks to name.

Calls handed to a thread pool (`ThreadPoolExecutor.submit`, which `run_in_executor` and `asyncio.to_thread` use)
are counted until they finish (`most_in_pool`): five calls handed over at once with fewer requests in flight mean
the pool, not the student's `fetch_all`, held the others back (an executor with too few workers).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing.pool
import multiprocessing.reduction
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import requests
import requests_mock

from grader.model import Location
from grader.probes.traffic import ORDER_MARGIN, WAIT_LIMIT, Served, proxies_to_nowhere
from grader.probes.upkeep import Upkeep
from grader.probes.waiters import someone_waits
from grader.probes.work import STEP_LIMIT
from grader.testing import calling_line

POLL = 0.002
"""Seconds between two looks at a `sooner` condition."""
STAND_IN_WORKERS = 5
"""Threads that stand in for a process pool of the default size, at least: the suite sends at most five requests
at once."""


@dataclass(frozen=True)
class Pool:
    """A thread pool the student's code handed a call to."""

    workers: int | None
    """Its `max_workers`, when the pool says (CPython's does)."""
    used_at: Location | None
    """The student's line whose call first handed it work (`run_in_executor(pool, ...)`, `pool.submit(...)`)."""
    kind: str = "ThreadPoolExecutor"
    """The student's class of pool: a ProcessPoolExecutor's calls run in a thread pool that stands in for it."""


@dataclass(frozen=True)
class Unpicklable:
    """A call handed to a process pool that a real one could not have sent to a worker process."""

    function: Any
    error: Exception
    """What pickling the call raised: AttributeError up to Python 3.13, pickle.PicklingError from 3.14."""
    handed_at: Location | None
    """The student's line that handed it to the pool."""


def _get_only(request: Any, context: object) -> str:
    raise requests.exceptions.ConnectionError(
        f"the checks' server answers GET requests only, not {request.method} {request.url}: fetch a URL with the"
        " given get_status(url), which sends requests.get(url), as the exercise asks"
    )


def _unknown_url(request: Any, context: object) -> str:
    raise requests.exceptions.ConnectionError(
        f"the checks' server has no {request.url}: it answers only the URLs that the checks pass to fetch_status and"
        " fetch_all, so request the `url` you are given"
    )


NO_PROCESS_POOLS = (
    "the grader does not run a multiprocessing.Pool: its worker processes would send the requests where the checks'"
    " server cannot see them"
)
"""The refusal; `grader.asyncio_mistakes.table` holds its fix, as for asyncio's own errors."""


def _refusing_process_pools(original: Callable[..., None]) -> Callable[..., None]:
    """multiprocessing.Pool's __init__, refusing a pool of processes at once, before any fork: a forked worker sends
    its requests through a copy of this server that no check sees, and a fork of this threaded process can inherit
    one of its locks held, and hang. Refused, it fails every check the same way, on every run."""

    def init(pool: multiprocessing.pool.Pool, *args: Any, **kwargs: Any) -> None:
        if not isinstance(pool, multiprocessing.pool.ThreadPool):  # a pool of threads sends its requests here
            raise RuntimeError(NO_PROCESS_POOLS)
        original(pool, *args, **kwargs)

    return init


class FakeRequestsServer:
    """Routes URLs to status codes, with latency, errors, and requests held back to reveal concurrency."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._adapter = requests_mock.Adapter()
        # requests-mock would raise its own NoMockAddress, which names the fake, not the student's mistake. The routes,
        # registered later, come first.
        self._adapter.register_uri("GET", requests_mock.ANY, text=_unknown_url)
        self._adapter.register_uri(requests_mock.ANY, requests_mock.ANY, text=_get_only,
                                   additional_matcher=lambda request: request.method != "GET")  # fmt: skip
        monkeypatch.setattr(requests.Session, "get_adapter", self._adapter_for(requests.Session.get_adapter))
        monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", self._submit_to_threads())
        monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "shutdown", self._shutdown_with_threads())
        monkeypatch.setattr(concurrent.futures.ThreadPoolExecutor, "submit", self._counting_submit())
        monkeypatch.setattr(concurrent.futures.ThreadPoolExecutor, "shutdown", self._timed_shutdown())
        proxies_to_nowhere(monkeypatch)
        pools = multiprocessing.pool.Pool
        monkeypatch.setattr(pools, "__init__", _refusing_process_pools(pools.__init__))
        self._changed = threading.Condition()
        self._answered: set[str] = set()
        self._gathered = False
        self._gave_up = False
        self.in_flight = 0
        self.most_in_flight = 0
        self.in_pool = 0
        self.most_in_pool = 0
        """Most calls handed to thread pools and not finished yet, at any one time."""
        self.pools: dict[concurrent.futures.ThreadPoolExecutor, Pool] = {}
        """The thread pools calls were handed to: how many workers each had, and which student line used it."""
        self.served: list[Served] = []
        self._stand_ins: dict[concurrent.futures.ProcessPoolExecutor, concurrent.futures.ThreadPoolExecutor] = {}
        self.unpicklable: list[Unpicklable] = []
        """The calls handed to a process pool that could not be pickled, in the order they were handed over."""
        self.upkeep = Upkeep()
        """The thread pools' own time in each thread: every submit (which may start a worker thread) and every shutdown
        with no call left to wait for (which ends idle workers)."""

    def _counting_submit(self) -> Callable[..., concurrent.futures.Future]:
        original = concurrent.futures.ThreadPoolExecutor.submit

        def submit(pool: concurrent.futures.ThreadPoolExecutor, fn: Any, /, *args: Any, **kwargs: Any):
            with self.upkeep.timing():
                future = original(pool, fn, *args, **kwargs)
            with self._changed:
                if pool not in self.pools:  # the pool itself as the key: a freed pool's id can come back
                    kind = "ProcessPoolExecutor" if pool in self._stand_ins.values() else "ThreadPoolExecutor"
                    self.pools[pool] = Pool(getattr(pool, "_max_workers", None), calling_line(), kind)
                self.in_pool += 1
                self.most_in_pool = max(self.most_in_pool, self.in_pool)
            future.add_done_callback(self._left_pool)
            return future

        return submit

    def _timed_shutdown(self) -> Callable[..., None]:
        original = concurrent.futures.ThreadPoolExecutor.shutdown

        def shutdown(pool: concurrent.futures.ThreadPoolExecutor, wait: bool = True, *, cancel_futures: bool = False):
            with self.upkeep.timing() if self.in_pool == 0 else contextlib.nullcontext():
                original(pool, wait=wait, cancel_futures=cancel_futures)

        return shutdown

    def _submit_to_threads(self) -> Callable[..., concurrent.futures.Future]:
        def submit(pool: concurrent.futures.ProcessPoolExecutor, fn: Any, /, *args: Any, **kwargs: Any):
            with self._changed:
                if pool not in self._stand_ins:
                    workers = _stand_in_workers(getattr(pool, "_max_workers", None))
                    self._stand_ins[pool] = concurrent.futures.ThreadPoolExecutor(workers, "process-pool-stand-in")
                threads = self._stand_ins[pool]
            try:
                # What the pool's feeder thread does with the call for real (a _CallItem of the same three).
                multiprocessing.reduction.ForkingPickler.dumps((fn, args, kwargs))
            except Exception as error:
                # A real pool sets the error on the call's future, for the one who takes its result.
                self.unpicklable.append(Unpicklable(fn, error, calling_line()))
                failed: concurrent.futures.Future = concurrent.futures.Future()
                failed.set_running_or_notify_cancel()
                failed.set_exception(error)
                return failed
            return threads.submit(fn, *args, **kwargs)  # counted as any thread pool's call

        return submit

    def _shutdown_with_threads(self) -> Callable[..., None]:
        """A process pool's shutdown waits for its stand-in threads as it would for its workers: leaving a `with`
        block before awaiting the calls blocks the loop here too."""
        original = concurrent.futures.ProcessPoolExecutor.shutdown

        def shutdown(pool: concurrent.futures.ProcessPoolExecutor, wait: bool = True, *, cancel_futures: bool = False):
            threads = self._stand_ins.get(pool)
            if threads is not None:
                threads.shutdown(wait=wait, cancel_futures=cancel_futures)
            original(pool, wait=wait, cancel_futures=cancel_futures)

        return shutdown

    def close(self) -> None:
        """Let the threads that stood in for process pools go (a request still held ends at WAIT_LIMIT)."""
        for threads in self._stand_ins.values():
            threads.shutdown(wait=False, cancel_futures=True)

    def someone_waits_for(self, future: concurrent.futures.Future) -> bool:
        """Whether anything besides this server's own count waits for the pool's call `future` (`someone_waits`)."""
        return someone_waits(future, besides=[self._left_pool])

    def _left_pool(self, _future: concurrent.futures.Future) -> None:
        with self._changed:
            self.in_pool -= 1

    def _adapter_for(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def get_adapter(session: requests.Session, url: str) -> Any:
            # What requests has no adapter for at all (a list's repr, `get_status([url])`) fails as it does on the
            # student's machine, with requests' InvalidSchema, not with the mock's NoMockAddress, which names the fake.
            if not url.lower().startswith(("http://", "https://")):
                return original(session, url)
            return self._adapter

        return get_adapter

    def route(
        self,
        url: str,
        status: int = 200,
        *,
        latency: float = 0.0,
        sooner: Callable[[float], bool] | None = None,
        waiting: Callable[[], bool | None] | None = None,
        together: int = 0,
        after: str | None = None,
    ) -> str:
        """Answer `url` with `status` after `latency` seconds, or as soon as `sooner(arrived)` is true (given the
        monotonic moment the request arrived); hold it until `together` requests are in flight, or until `after`
        has been answered. With `waiting` (called in the thread that sends the request) the latency runs only while it
        says False, the student's code not waiting for something else than the request and the grader's process
        having the CPU (for at most WAIT_LIMIT seconds more). Returns `url`."""

        def respond(request: object, context: object) -> str:
            self._serve(url, latency, sooner, together, after, waiting)
            return ""

        self._adapter.register_uri("GET", url, status_code=status, text=respond)
        return url

    def refuse(
        self,
        url: str,
        *,
        latency: float = 0.0,
        sooner: Callable[[float], bool] | None = None,
        error: requests.exceptions.RequestException | None = None,
    ) -> str:
        """Fail `url` with `error`, by default the `requests.ConnectionError` of a server that is down, at once or
        after `latency` seconds (or as soon as `sooner(arrived)` is true, as `route` does). Returns `url`."""
        failure = error or requests.exceptions.ConnectionError(f"Connection refused: {url}")
        if not latency:
            self._adapter.register_uri("GET", url, exc=failure)
            return url

        def respond(request: object, context: object) -> str:
            self._serve(url, latency, sooner, 0, None)
            raise failure

        self._adapter.register_uri("GET", url, text=respond)
        return url

    def _serve(
        self,
        url: str,
        latency: float,
        sooner: Callable[[float], bool] | None,
        together: int,
        after: str | None,
        waiting: Callable[[], bool | None] | None = None,
    ) -> None:
        started = time.monotonic()
        with self._changed:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            if together and self.in_flight >= together:
                self._gathered = True
            self._changed.notify_all()
            if together:
                self._hold(lambda: self._gathered)
            if after:
                self._hold(lambda: after in self._answered)
        if after and not self._gave_up:
            time.sleep(ORDER_MARGIN)
        # Once the server gave up holding requests back it answers at once: a fetch_all that sends one request at
        # a time, blocking the loop, pays one WAIT_LIMIT in all, not one latency per request on top.
        if latency and not self._gave_up:
            _linger(latency, lambda: sooner is not None and sooner(started), waiting)
        with self._changed:
            self.in_flight -= 1
            self._answered.add(url)
            self.served.append(Served(url, threading.get_ident(), started, time.monotonic()))
            self._changed.notify_all()

    def _hold(self, ready: Callable[[], bool]) -> None:
        """Wait (holding the condition's lock) until `ready()`, or give up holding anything back."""
        if not self._changed.wait_for(lambda: self._gave_up or ready(), timeout=WAIT_LIMIT):
            self._gave_up = True
            self._changed.notify_all()


def _stand_in_workers(max_workers: int | None) -> int:
    """Threads for a process pool of `max_workers`: as many as it has, except for a pool of the default size, the
    machine's cores, which gets at least STAND_IN_WORKERS so that no verdict depends on the machine it runs on."""
    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    if max_workers is None or max_workers == cores:
        return max(cores, STAND_IN_WORKERS)
    return max_workers


def _linger(seconds: float, enough: Callable[[], bool], waiting: Callable[[], bool | None] | None = None) -> None:
    """Sleep `seconds`, or less once `enough()` is true (asked every `POLL` seconds). With `waiting` the seconds count
    only while it says False, at most STEP_LIMIT a look: neither the student's code waiting for something else nor a
    spell in which the grader's process got no CPU counts, for at most WAIT_LIMIT seconds more than `seconds`."""
    started = last = time.monotonic()
    latest, counted = started + seconds + WAIT_LIMIT, 0.0
    while counted < seconds and not enough() and (now := time.monotonic()) < latest:
        if waiting is None:
            counted = now - started
        else:
            step, last = min(now - last, STEP_LIMIT), now
            counted += step if waiting() is False else 0.0
        time.sleep(min(max(seconds - counted, 0.0), POLL))
