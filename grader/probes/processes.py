"""Process pools seen from the grader's side: which start method, which pools a student built, what is left.

A pool a student forgets to shut down is garbage-collected when their coroutine returns, and its workers then
stop in the background within milliseconds: looking for live workers afterwards would race with that. The spy
keeps every pool alive until the check has looked, so a forgotten `shutdown()` is seen every time.

"Left alive" means every child process, not only those of pools made during the check: a pool made at import and
warmed up there has its workers running before any check starts, and they outlive every call just the same.
"""

from __future__ import annotations

import concurrent.futures.process
import contextlib
import contextvars
import functools
import gc
import multiprocessing
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing.process import BaseProcess
from typing import Any, NamedTuple

import pytest

from grader.model import Location
from grader.probes.upkeep import Upkeep
from grader.testing import calling_line

START_METHOD_ENV = "GRADER_MP_START"
"""Set to fork, forkserver or spawn to grade exercise 04 under that start method (Python 3.14 defaults to
forkserver on Linux, earlier versions to fork): the kit's tests run its suite under all three."""


def use_start_method_from_env() -> str:
    """Apply `$GRADER_MP_START` if set; return the start method the student's pools will use."""
    method = os.environ.get(START_METHOD_ENV)
    if method:
        multiprocessing.set_start_method(method, force=True)
    return multiprocessing.get_start_method()


GRADING_CPUS = 2
"""What os.cpu_count() says while exercise 04 is graded (see `pretend_grading_cpus`)."""


def pretend_grading_cpus() -> None:
    """Make os.cpu_count(), os.process_cpu_count() from Python 3.13 (a default pool's size) and
    os.sched_getaffinity() say GRADING_CPUS
    in this process from now on, before the student's module is imported. A pool's default size, and any size worked
    out from the count (`WORKERS = os.cpu_count() - 1` at the top of the file too), are then the same on a laptop with
    sixteen cores, on the two-core machines CI grades on, and in a container pinned to one CPU: so is the verdict.
    Two is enough for the parallel check's two calls at once, and few enough that a count lowered by one gives the
    single worker that check is there to catch."""
    for name in ("cpu_count", "process_cpu_count"):
        if getattr(os, name, None) is not None:
            setattr(os, name, lambda: GRADING_CPUS)
    if hasattr(os, "sched_getaffinity"):  # `len(os.sched_getaffinity(0))`, the CPUs this process may use
        os.sched_getaffinity = lambda pid: set(range(GRADING_CPUS))


class Handed(NamedTuple):
    """One call handed to a pool: `executor.submit(fn, *args)`."""

    executor: Executor
    thread: int
    """`threading.get_ident()` of the thread that handed it over."""
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    at: float
    """`time.monotonic()` as it was handed over."""
    line: Location | None = None
    """The student's line that handed it over, noted for a pool's shutdown handed to a thread only."""

    def runs(self, func: Callable[..., Any]) -> bool:
        """Whether this call runs `func`, a function or a partial of a probe: `submit(func, n)`,
        `submit(partial(func, n))` (a partial of a partial is flattened into one of the same function),
        `submit(helper, func, n)`, or a chunk of `ProcessPoolExecutor.map(func, ns)`."""
        inner = getattr(self.fn, "func", None)
        return (
            self.fn is func
            or (inner is getattr(func, "func", func) and isinstance(self.fn, functools.partial))
            or any(arg is func for arg in (*self.args, *getattr(self.fn, "args", ())))
        )

    def _runs(self) -> Any:
        """The function this call runs, through partials and asyncio.to_thread's `Context.run`."""
        fn, args = self.fn, self.args
        while isinstance(fn, functools.partial):
            fn, args = fn.func, (*fn.args, *args)
        if isinstance(getattr(fn, "__self__", None), contextvars.Context) and args:
            fn = args[0]
        return fn

    def shown(self) -> str:
        """The name of what this call runs, through partials and asyncio.to_thread's `Context.run`."""
        fn = self._runs()
        return getattr(fn, "__qualname__", None) or type(fn).__name__

    def shuts_down_a_pool(self) -> bool:
        """Whether this call is a process pool's `shutdown`, handed to a thread (`run_in_executor(None,
        pool.shutdown)`, `asyncio.to_thread(pool.shutdown)`, a partial of it)."""
        fn = self._runs()
        pool = getattr(fn, "__self__", None)  # the class's shutdown is the spy's while one is installed
        return isinstance(pool, ProcessPoolExecutor) and getattr(fn, "__func__", None) is type(pool).shutdown

    def chunked(self) -> bool:
        """Whether this is a chunk of more than one call, from `ProcessPoolExecutor.map(fn, ns, chunksize=...)`:
        one worker runs its calls one after the other."""
        chunk = self.args[0] if len(self.args) == 1 else None
        is_chunk = getattr(self.fn, "func", None) is concurrent.futures.process._process_chunk
        return is_chunk and isinstance(chunk, (tuple, list)) and len(chunk) > 1

    def hands_on(self) -> bool:
        """Whether this call was given a pool to hand calls to: `pool.map` itself, or a helper of the student's
        given the pool (`run_in_executor(None, pool.map, work, ns)`, `run_in_executor(None, map_all, pool, work,
        ns)`), which submits the calls of `work` from its own thread, a moment later. It runs none of them."""
        given = (*self.args, *getattr(self.fn, "args", ()))
        return isinstance(getattr(self.fn, "__self__", None), Executor) or any(isinstance(a, Executor) for a in given)


def at_once(calls: Iterable[Handed]) -> int:
    """How many of `calls` can run at the same time: each pool runs as many of its calls at once as it has workers
    (`max_workers`, where it can be read)."""
    counts: dict[int, int] = {}
    executors: dict[int, Executor] = {}
    for call in calls:
        counts[id(call.executor)] = counts.get(id(call.executor), 0) + 1
        executors[id(call.executor)] = call.executor
    total = 0
    for key, count in counts.items():
        try:
            workers = vars(executors[key]).get("_max_workers")  # both pools' own attribute, 3.2 to 3.14
        except TypeError:  # an executor of the student's without a __dict__
            workers = None
        total += min(count, workers) if isinstance(workers, int) and workers > 0 else count
    return total


_killed: set[BaseProcess] = set()
"""Children an earlier check's `clean_up` killed: if one is slow to go, it is not the next check's leftover."""


class PoolSpy:
    """Records every `ProcessPoolExecutor` created while installed, the worker processes that appear, and every call
    handed to a pool (of processes or threads)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pools: list[ProcessPoolExecutor] = []
        self.before = set(multiprocessing.active_children()) - _killed
        """Children already running when the spy was installed (a pool the student's module made at import)."""
        original = ProcessPoolExecutor.__init__
        pools = self.pools

        def spy(pool: ProcessPoolExecutor, *args, **kwargs) -> None:
            pools.append(pool)
            with self.upkeep.timing():
                original(pool, *args, **kwargs)

        # Patching the class reaches `from concurrent.futures import ProcessPoolExecutor` and subclasses alike.
        monkeypatch.setattr(ProcessPoolExecutor, "__init__", spy)
        self.upkeep = Upkeep()
        """The pools' own time in each thread: every pool's making, every call handed over (the first starts the worker
        processes) and every shutdown with no call left to wait for (which ends idle workers)."""
        self.waited: dict[int, bool] = {}
        """Per pool (by id): whether any of its shutdowns waited for the workers (`with` does)."""
        self.shutdowns: list[tuple[float, int]] = []
        """Every shutdown of a process pool: `time.monotonic()` when it was called, and the thread that called it."""
        self.hold_elsewhere = 0.0
        """Seconds a waiting shutdown called in another thread than the spy's (the event loop's) is held before it
        begins, for the shutdown checks: left unawaited, it is then still under way when run_cpu_bound has returned
        and the check looks (`shutdowns_under_way`), however fast the machine ends the workers; awaited, it only
        makes the call that much longer."""
        self.shutting_elsewhere: list[threading.Thread] = []
        """The threads other than the spy's in a process pool's waiting shutdown now (or held before it)."""
        shutdown, waited, shutdowns = ProcessPoolExecutor.shutdown, self.waited, self.shutdowns
        home = threading.get_ident()

        def shutdown_spy(pool: ProcessPoolExecutor, wait: bool = True, *args, **kwargs) -> None:
            waited[id(pool)] = waited.get(id(pool), False) or bool(wait)
            shutdowns.append((time.monotonic(), threading.get_ident()))
            elsewhere = bool(wait) and threading.get_ident() != home
            if elsewhere:
                self.shutting_elsewhere.append(threading.current_thread())
            try:
                if elsewhere and self.hold_elsewhere:
                    time.sleep(self.hold_elsewhere)
                idle = all(future.done() for future, call in list(self.calls.items()) if call.executor is pool)
                with self.upkeep.timing() if idle else contextlib.nullcontext():
                    shutdown(pool, wait, *args, **kwargs)
            finally:
                if elsewhere:
                    self.shutting_elsewhere.remove(threading.current_thread())

        monkeypatch.setattr(ProcessPoolExecutor, "shutdown", shutdown_spy)
        self.handed: list[Handed] = []
        """Every call handed to a pool, in order: any process pool or thread pool, the loop's default executor
        included (`run_in_executor` and `map` hand calls over one by one)."""
        self.calls: weakref.WeakKeyDictionary[Future, Handed] = weakref.WeakKeyDictionary()
        """The futures of those calls."""
        self.waiting_on_call: Callable[[Handed], None] | None = None
        """Called, in the thread about to wait, when `result()` or `exception()` is asked of one of those futures
        before it is done: in the event loop's thread, the loop then stands still until that call has returned."""
        for kind in (ProcessPoolExecutor, ThreadPoolExecutor):
            monkeypatch.setattr(kind, "submit", self._submit_spy(kind.submit))
        for name in ("result", "exception"):
            monkeypatch.setattr(Future, name, self._wait_spy(getattr(Future, name)))

    @property
    def submitted(self) -> int:
        """Calls handed to any pool so far."""
        return len(self.handed)

    def _submit_spy(self, submit: Callable[..., Future]) -> Callable[..., Future]:
        def submit_spy(executor: Executor, fn: Callable[..., Any], /, *args, **kwargs) -> Future:
            at = time.monotonic()
            with self.upkeep.timing():
                future = submit(executor, fn, *args, **kwargs)
            handed = Handed(executor, threading.get_ident(), fn, args, at)
            if handed.shuts_down_a_pool():
                handed = handed._replace(line=calling_line())
            self.handed.append(handed)
            self.calls[future] = handed
            return future

        return submit_spy

    def _wait_spy(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def wait_spy(future: Future, *args, **kwargs) -> Any:
            hook = self.waiting_on_call
            handed = self.calls.get(future) if hook is not None and not future.done() else None
            if hook is not None and handed is not None:
                hook(handed)
            return method(future, *args, **kwargs)

        return wait_spy

    def shut_down_without_waiting(self) -> list[ProcessPoolExecutor]:
        """Pools made during the check whose every shutdown was `wait=False`: their workers may outlive the call.

        Whether they still run when the grader looks is a race, lost on a busy machine; this is not."""
        return [pool for pool in self.pools if self.waited.get(id(pool)) is False]

    def shutdowns_under_way(self) -> list[Handed | None]:
        """The waiting shutdowns of process pools not over yet that run in other threads than the spy's: each as the
        call that handed it to a thread pool, if one did (a thread of the student's own gives None). Asked as a call
        of run_cpu_bound is over, with `hold_elsewhere` set: one it did not wait for is among them every time."""
        handed = [call for future, call in list(self.calls.items()) if call.shuts_down_a_pool() and not future.done()]
        return handed or [None for _ in self.shutting_elsewhere]

    def live_workers(self) -> list[BaseProcess]:
        """Child processes still alive, whenever they were started (see `before`)."""
        return [p for p in multiprocessing.active_children() if p not in _killed]

    def clean_up(self) -> None:
        """Stop whatever the student left running during the check, so that the next check starts from nothing.

        Workers of a pool made before the check (at import) are left alone, whether they were running before it or
        were started during it (a pool starts its workers at its first `submit`): killing them would break that
        pool, and every later check would fail on `BrokenProcessPool` instead of on its own claim.
        """
        for pool in self.pools:
            try:
                pool.shutdown(wait=False, cancel_futures=True)
            except Exception:  # a half-built or broken pool: its workers are killed below anyway
                pass
        started = [p for p in self.live_workers() if p not in self.before]
        if started:
            theirs = _workers_of_pools_made_before(self.pools)
            started = [p for p in started if p not in theirs]
        for process in started:
            process.kill()
            _killed.add(process)
        for process in started:
            process.join(timeout=2)


def _workers_of_pools_made_before(made_during: list[ProcessPoolExecutor]) -> set[BaseProcess]:
    """The worker processes of every live pool not made during the check. Each running pool has a manager thread
    that holds a reference to it and its workers (`concurrent.futures.process._threads_wakeups`, the same from
    Python 3.9 to 3.13); where that is gone, the garbage collector finds the pools instead."""
    made = {id(pool) for pool in made_during}
    managers = getattr(concurrent.futures.process, "_threads_wakeups", None)
    if managers is not None:
        workers: set[BaseProcess] = set()
        for manager in list(managers):
            reference = getattr(manager, "executor_reference", None)
            pool = reference() if callable(reference) else None
            if pool is not None and id(pool) not in made:
                workers.update((getattr(manager, "processes", None) or {}).values())
        return workers
    found: list[object] = []
    for thing in gc.get_objects():
        if issubclass(type(thing), ProcessPoolExecutor) and id(thing) not in made:  # type(): never their __class__
            with contextlib.suppress(Exception):  # a subclass of the student's may make even this raise
                found.extend((vars(thing).get("_processes") or {}).values())
    return {worker for worker in found if isinstance(worker, BaseProcess)}
