"""Exercise 04: CPU-bound work in a process pool.

The suite passes its own `work` (from `grader.probes.work`, importable by the workers under every start method),
which reports the process and thread that ran it and when. So "ran in another process", "ran in parallel" and
"the loop kept running meanwhile" are read from what happened, not from a stopwatch. `$GRADER_MP_START` picks
the start method (fork, forkserver, spawn) the student's pools use.
"""

import asyncio
import linecache
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from grader.diagnose import work_as_handed
from grader.except_clauses import catching_handler_in
from grader.probes import work
from grader.probes.calls import await_call
from grader.probes.loop_watch import LoopWatch
from grader.probes.processes import GRADING_CPUS, PoolSpy, pretend_grading_cpus, use_start_method_from_env
from grader.probes.set_order import backwards_in_sets
from grader.probes.waiters import waiting_elsewhere
from grader.suites.meeting_calls import waiting_alone_gives_up
from grader.suites.pool_stalls import from_the_shutdown, retires_a_finished_pool, shuts_down, starts_a_pool_per_call
from grader.testing import (
    CallIn,
    awaited_in_a_loop,
    call_repr,
    check,
    expect,
    fail,
    returns_no_value,
    student,
    where,
)

pretend_grading_cpus()  # before the student's module is imported, which may size its pool from the count at once
ex = student("exercises.ex04_cpu_bound")
ROOT = Path(ex.__file__).parent.parent  # as the student frames name it: LoopWatch resolves links itself
use_start_method_from_env()  # $GRADER_MP_START: the kit's tests grade this suite under every start method

ORDER_NS = [30_000, 500, 0, 500]
"""The order check's first ns: work(30000) takes the longest, and 500 comes twice, so results put back by their n
rather than by their position lose one. Above 256, so each call's result is an int object of its own (CPython shares
only the small ones): one object at both places is one call's result handed out twice, work(500) run once."""
PARALLEL_CALLS = 9
"""Calls of the parallel check: more than any batch a student may hand over at a time (two, the cores, four), and
quick, as all but the first two return at once."""
MEET_LIMIT = 3.0
"""Seconds a call waits for a second call to run beside it (a worker starts in well under a second)."""
LIMIT = 2 * MEET_LIMIT
"""Seconds any one call of run_cpu_bound may take."""
BURN = 0.2
"""Seconds of CPU each call burns in the responsiveness check: a loop running it stalls that long (healthy loops,
under load, stalled for at most 15% of it, measured under all three start methods)."""
PAUSE_LIMIT = 2.0
"""Seconds for which a call in the responsiveness check is held, at most, while the student's code sleeps in
asyncio.sleep (`work.burn` counts its time on `work.keep_clock`): a sleep before a blocking `future.result()` up to
about that long is caught, and a right solution that polls its futures with short sleeps pays it once, well within
LIMIT."""
LINGER = 0.3
"""Seconds work(3) takes in the check of a shutdown on error, while work(-1) raises at once: a pool still up when
run_cpu_bound raises has its worker then. work(-1) is handed over first, so it starts no later than work(3), and its
error reaches the caller in a few hundredths of a second (a tenth under load): a margin of three or more."""
HOLD_SHUTDOWN = 0.25
"""Seconds the shutdown checks hold a pool's shutdown that the student's code runs in another thread than the loop's
(`PoolSpy.hold_elsewhere`): one that run_cpu_bound does not await is then still under way when it has returned, as
the loop's thread needs well under a millisecond of CPU to get there, not a thousandth of the hold."""
PROCESSES = (
    "Run each call in a process pool: `with ProcessPoolExecutor() as pool:` then "
    "`await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`."
)
IN_ORDER = "`asyncio.gather` returns results in the order of its arguments; `as_completed` does not."
FROM_A_SET = (
    "`asyncio.wait` returns two sets, done and pending, and a set has no order: it lists the futures in an order of"
    " its own, not the order of ns. Read the results from your own list of futures, `[future.result() for future"
    " in futures]`, or let `return await asyncio.gather(...)` give them in the order of ns."
)
BY_POSITION = (
    "Put each result at the position of its call in ns, not where its n is: the same n can come twice, and a dict"
    " keyed by n keeps only one of them. `asyncio.gather` returns one result per call, in the order of its"
    " arguments; with `as_completed` or `asyncio.wait`, carry each call's index (`for i, n in enumerate(ns)`) and"
    " store its result at that index."
)
AWAIT_THE_FUTURES = (
    "Await the pool's futures (`await loop.run_in_executor(pool, work, n)`): never call work(n), `future.result()` or"
    " `pool.map` directly in the coroutine."
)
NO_HEAD_START = (
    " A sleep (or any wait) first does not make the result ready: it only hides the wait while the work happens to end"
    " within it, and real work can take longer than any sleep."
)
LONGEST_BLOCK = 0.25
"""Seconds of a whole run_cpu_bound for which the loop may be stalled at the student's lines, the pools' own time
left out: a busy machine can pause the loop on one of them for a while; a `time.sleep(0.5)` before the work is handed
over stalls it twice as long."""
NO_TIME_SLEEP = (
    "Wait with `await asyncio.sleep(...)`, never `time.sleep(...)`: it stops the event loop, and every coroutine on it,"
    " for as long as it sleeps. A pool needs no pause to get going: hand it every call at once and await them."
)
SHUT_DOWN_FIRST = (
    "Await the results inside the `with` block: leaving it shuts the pool down, and shutdown waits, in the event"
    " loop's own thread, for the workers to finish. Await first (`return await asyncio.gather(...)` indented under"
    " the `with`), then let the block end."
)
SHUT_DOWN = "Use `with ProcessPoolExecutor() as pool:` (or `pool.shutdown()` in a `finally:`) around the work."
ONE_WORKER = (
    "Keep the pool's default number of workers, `ProcessPoolExecutor()`, or give it at least two: a pool runs as"
    " many calls at once as it has workers, so with max_workers=1 they run one after the other."
)
ONE_POOL = (
    "Make one pool for all the calls, `with ProcessPoolExecutor() as pool:`, and gather the calls inside that block:"
    " leaving it waits for every call, also when one has raised. A `with` per call does not: the pools of the calls"
    " still running are open when gather raises."
)
FEWER_THAN_CPUS = (
    "Keep the pool's default number of workers, `ProcessPoolExecutor()`, or never let a count worked out from the"
    " cores fall below two, `max(2, os.cpu_count() - 1)`: your machine may have many cores, but the one that runs"
    " your code may have two, or one, and a pool of one worker runs the calls one after the other."
)
MADE_AT_IMPORT = (
    "Make the pool inside run_cpu_bound, `with ProcessPoolExecutor() as pool:` around the work, so that each call"
    " shuts down the pool it made; a pool made once at import keeps its workers running after every call."
)


ONE_CALL_PER_N = (
    "run_in_executor(pool, func, arg) makes one call, func(arg): handed ns, work gets the whole list as its n. Hand"
    " the pool one call per n and gather them: `await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in"
    " ns))`."
)
_spies: list[PoolSpy] = []
"""The running check's spy (the `pools` fixture is autouse), for run_cpu_bound to read what was handed to pools."""


@pytest.fixture(autouse=True)
def pools(monkeypatch: pytest.MonkeyPatch) -> Iterator[PoolSpy]:
    spy = PoolSpy(monkeypatch)
    _spies.append(spy)
    yield spy
    _spies.remove(spy)
    spy.clean_up()


def whole_list_handed(since: int, args: tuple[Any, ...], shown: str | None, error: Exception | None) -> None:
    """Fail when work itself was handed to a pool with a list for its one argument, `run_in_executor(pool, work,
    ns)`: work(ns) fails in a way of its own (range() of a list, a comparison with a list) or returns one result for
    the lot, and neither says that the list went where one n belongs."""
    __tracebackhide__ = True
    given_work = args[1] if len(args) > 1 else getattr(ex, "cpu_bound_work", None)
    for call in _spies[-1].handed[since:] if _spies else []:
        if call.fn is given_work and len(call.args) == 1 and isinstance(call.args[0], (list, tuple)):
            outcome = f", which raised {type(error).__name__}: {error}" if error is not None else ""
            fail(
                f"{shown or call_repr(ex.run_cpu_bound, *args)} handed the whole list to a single call,"
                f" work({call.args[0]!r}){outcome}",
                expected="one call of work for every n in ns, each handed to the pool on its own",
                fix=ONE_CALL_PER_N,
                at=CallIn(ex.run_cpu_bound, "run_in_executor", "submit"),
            )


async def run_cpu_bound(*args: Any, limit: float, shown: str | None = None) -> Any:
    """`await ex.run_cpu_bound(*args)` as `run_one_call` does, failing first if ns went to work as one argument."""
    since = _spies[-1].submitted if _spies else 0
    try:
        got = await run_one_call(*args, limit=limit, shown=shown)
    except Exception as error:
        whole_list_handed(since, args, shown, error)
        raise
    whole_list_handed(since, args, shown, None)
    return got


async def run_one_call(*args: Any, limit: float, shown: str | None = None) -> Any:
    """`await ex.run_cpu_bound(*args)` within `limit` seconds; a TypeError saying that something is not callable is
    explained, since it is what calling work(n) in the argument of run_in_executor gives."""
    try:
        got = await await_call(ex.run_cpu_bound, *args, limit=limit, shown=shown)
    except ValueError as error:
        if "max_workers must be greater than 0" not in str(error):
            raise
        if args and args[0]:  # not len(ns): a number worked out from the machine's CPUs, say
            fail(
                f"{shown or call_repr(ex.run_cpu_bound, *args)} raised ValueError: {error}",
                expected="a pool with at least one worker",
                fix="Keep the pool's default number of workers, `ProcessPoolExecutor()`: one per CPU. A number worked"
                f" out from os.cpu_count() can come to 0 or less: it is {GRADING_CPUS} while the grader runs your code,"
                " as on the small machines that grade in CI.",
                at=where(error) or ex.run_cpu_bound,
            )
        fail(
            f"{shown or call_repr(ex.run_cpu_bound, *args)} raised ValueError: {error}",
            expected="[] for an empty ns: a pool needs at least one worker",
            fix="Keep the pool's default number of workers, `ProcessPoolExecutor()`, or return [] before making a pool"
            " when ns is empty: max_workers=len(ns) is 0 then.",
            at=where(error) or ex.run_cpu_bound,
        )
    except TypeError as error:
        if "object is not callable" not in str(error):
            raise
        fail(
            f"{shown or call_repr(ex.run_cpu_bound, *args)} raised TypeError: {work_as_handed(str(error))}",
            expected="run_in_executor gets the function and its argument apart, and work(n) runs in a worker process",
            fix="If you wrote run_in_executor(pool, work(n)): that calls work(n) right here, in the event loop, and"
            " hands the pool its result, which cannot be called. Pass them apart: loop.run_in_executor(pool, work, n).",
            at=where(error) or ex.run_cpu_bound,
        )
    if got is None and returns_no_value(ex.run_cpu_bound):
        fail(
            f"{shown or call_repr(ex.run_cpu_bound, *args)} returned None: run_cpu_bound has no `return` with a value",
            expected="the list of results, work(n) for each n in the order of ns",
            fix="Return what gather gives: `return await asyncio.gather(*futures)`, inside the `with` block. A"
            " function that ends without a return statement returns None.",
            at=ex.run_cpu_bound,
        )
    ns, given_work = (args[0] if args else []), (args[1] if len(args) > 1 else None)
    # What the given cpu_bound_work returns (the count, 0 below zero), worked out here: never the student's copy.
    if given_work is not None and ns and got == [max(n, 0) for n in ns]:
        fail(
            f"{shown or call_repr(ex.run_cpu_bound, *args)} returned {got!r}: what cpu_bound_work gives, not the"
            " work that was passed",
            expected="work(n) for each n, with `work` the function run_cpu_bound was given",
            fix="Run the `work` parameter in the pool, `loop.run_in_executor(pool, work, n)`: cpu_bound_work is only"
            " its default, and the grader passes functions of its own.",
            at=ex.run_cpu_bound,
        )
    return got


def left_behind(pools: PoolSpy, shown: str, when: str) -> None:
    """Fail if worker processes are still alive, saying whether they were running before the call already, or if a
    shutdown did not wait for them (first: the student's `shutdown(wait=False)`, or a shutdown run in a thread and
    not awaited, is the line to change)."""
    __tracebackhide__ = True
    under_way = pools.shutdowns_under_way()
    left = pools.live_workers()
    earlier = [p for p in left if p in pools.before]
    ended = "raised" if "raised" in when else "returned"
    if under_way:
        fail(
            f"the pool's shutdown was started in another thread and not awaited, so {shown} {ended} before the"
            " shutdown had finished, its workers maybe still running",
            expected=f"every worker of the pool gone once {shown} is over: run_cpu_bound waits for the shutdown",
            fix="Await the shutdown you hand to a thread, `await loop.run_in_executor(None, pool.shutdown)`, so that"
            " run_cpu_bound ends only once the pool has; or let `with ProcessPoolExecutor() as pool:` around the work"
            " shut it down.",
            at=(under_way[0].line if under_way[0] else None) or ex.run_cpu_bound,
        )
    if pools.shut_down_without_waiting():
        # The same words whether workers were seen or not: how many are left when the grader looks is a race.
        fail(
            f"the pool was shut down with wait=False, so {shown} {ended} without waiting for its workers to exit:"
            " they may still be running once it is over",
            expected=f"every worker of the pool gone once {shown} is over: shutdown waits for them",
            fix="Let shutdown wait, as it does by default: `with ProcessPoolExecutor() as pool:`, or"
            " `pool.shutdown()` without wait=False.",
            at=CallIn(ex.run_cpu_bound, "shutdown"),
        )
    if left and not earlier and len(pools.pools) > 1 and "raised" in when:
        raiser = "asyncio.gather" if CallIn(ex.run_cpu_bound, "gather").found() is not None else "it"
        fail(
            f"{len(left)} worker process(es) were still running {when}: it made {len(pools.pools)} pools, and"
            f" {raiser} raised work(-1)'s error as soon as it came, without waiting for the calls still running in"
            " the other pools",
            expected=f"every worker of the pool gone once {shown} is over: the pool shut down on the way out",
            fix=ONE_POOL,
            at=ex.run_cpu_bound,
        )
    expect(
        not left,
        f"{len(left)} worker process(es) were still running {when}"
        + (
            f"; {len(earlier)} of them had been running since before the call (a pool made at import?)"
            if earlier
            else ""
        ),
        expected=f"every worker of the pool gone once {shown} is over: the pool shut down on the way out",
        fix=MADE_AT_IMPORT if earlier else SHUT_DOWN,
        at=ex.run_cpu_bound,
    )


def records(got: object, shown: str, ns: list[int]) -> list[work.Record]:
    """The student's results, checked to be one record per n (the order is another check's business)."""
    __tracebackhide__ = True
    ok = isinstance(got, (list, tuple)) and all(isinstance(r, work.Record) for r in got)
    expect(
        ok and sorted(r.n for r in got) == sorted(ns),
        f"{shown} returned {got!r}",
        expected="a list with the result of work(n) for each n",
        at=ex.run_cpu_bound,
    )
    return list(got)


def unordered(happened: str) -> tuple[str, str, CallIn]:
    """What happened, the fix and where, for results that came back in another order than ns: the done set of
    asyncio.wait when the student's code calls it (a set has no order), else the order the calls finished in."""
    waits = CallIn(ex.run_cpu_bound, "wait")
    if waits.found():
        return "the order of the set of done futures that asyncio.wait returned", FROM_A_SET, waits
    return happened, IN_ORDER, CallIn(ex.run_cpu_bound, "as_completed")


def threads_handed() -> CallIn:
    """Where run_cpu_bound hands work to threads: the pool it makes, or else the call that hands the work over."""
    return CallIn(ex.run_cpu_bound, "ThreadPoolExecutor", "to_thread", "run_in_executor")


def results_of(got: list[object], value: int) -> int:
    """How many of the student's results are the number `value` (compared as ints: never a student's __eq__)."""
    return sum(1 for item in got if type(item) is int and item == value)


def lost_repeats(got: list[object], expected: list[int]) -> list[int]:
    """The results of a repeated n that `got` holds fewer times than `expected` does, when every other result is
    there as often as expected: results put back by their n (a dict keyed by n, `ns.index(n)`), not by position."""
    repeated = {value for value in expected if expected.count(value) > 1}
    if any(results_of(got, value) != expected.count(value) for value in set(expected) - repeated):
        return []
    return sorted(value for value in repeated if results_of(got, value) < expected.count(value))


def by_their_n(ns: list[int]) -> list[list[int]]:
    """The results of the default work (each n's own count) put back in order by their n, not by their position: by
    the first place of each n in ns (`ns.index(n)`), or by the last (a dict `{n: i for i, n in enumerate(ns)}`).
    Unlike the right order only when an n comes twice, apart."""
    first = {n: ns.index(n) for n in ns}
    last = {n: i for i, n in enumerate(ns)}
    return [ordered for ordered in (sorted(ns, key=first.get), sorted(ns, key=last.get)) if ordered != ns]


@check("run_cpu_bound returns the results in the order of ns, whichever call finishes first")
async def test_returns_results_in_order(pools):
    loop = asyncio.get_running_loop()
    shown = "run_cpu_bound([30000, 500, 0, 500])"
    with backwards_in_sets(loop):
        got = await run_cpu_bound(ORDER_NS, limit=LIMIT, shown=shown)
    expected = list(ORDER_NS)  # what the given cpu_bound_work returns, worked out here: never the student's copy
    if isinstance(got, (list, tuple)) and list(got) != expected:
        if lost := lost_repeats(list(got), expected):
            fail(
                f"{shown} returned {got!r}: {lost[0]} is twice in ns, but its result is in the list"
                f" {'only once' if results_of(list(got), lost[0]) else 'not at all'}",
                expected=f"{expected}: cpu_bound_work(n) for each n, in the order of ns, a repeated n as often as it"
                " comes",
                fix=BY_POSITION,
                at=CallIn(ex.run_cpu_bound, "index", "enumerate", "values"),
            )
        # Only for code that puts results back in order itself: results in the order the calls finished can match
        # an order by n by chance, and they have their own words below.
        if list(got) in by_their_n(expected) and CallIn(ex.run_cpu_bound, "sort", "sorted", "index").found():
            fail(
                f"{shown} returned {got!r}: the results were put back in order by their n, and"
                f" {next(n for n in expected if expected.count(n) > 1)} is twice in ns",
                expected=f"{expected}: cpu_bound_work(n) for each n, in the order of ns",
                fix=BY_POSITION,
                at=CallIn(ex.run_cpu_bound, "sort", "sorted", "index", "enumerate"),
            )
        if sorted(got, key=repr) == sorted(expected, key=repr):
            happened, fix, at = unordered("")
            fail(
                f"{shown} returned {got!r}, not in the order of ns" + (f": {happened}" if happened else ""),
                expected=f"{expected}: cpu_bound_work(n) for each n, in the order of ns",
                fix=fix,
                at=at,
            )
    expect(
        isinstance(got, (list, tuple)) and list(got) == expected,
        f"{shown} returned {got!r}",
        expected=f"{expected}: cpu_bound_work(n) for each n, in the order of ns",
        fix=PROCESSES,
        at=ex.run_cpu_bound,
    )
    expect(
        got[1] is not ORDER_NS[1],
        f"{shown} returned {got!r}: the very numbers of ns, handed back without cpu_bound_work having counted them",
        expected="cpu_bound_work(n) run in a worker process for every n, the default work too",
        fix="Run work(n) in the pool whatever work is, `loop.run_in_executor(pool, work, n)`: no shortcut for the"
        " default cpu_bound_work, which stands for real CPU-bound work here.",
        at=ex.run_cpu_bound,
    )
    expect(
        got[1] is not got[3],
        f"{shown} returned {got!r}, but work(500) ran only once: both 500s in ns got the result of that one call",
        expected="work(n) run for every item of ns, a repeated n as often as it comes",
        fix="Hand every item of ns to the pool, `loop.run_in_executor(pool, work, n) for n in ns`: no set(ns), no dict"
        " or cache of results by n. `work` can be any function, and the same n may give another result each time.",
        at=CallIn(ex.run_cpu_bound, "set", "fromkeys", "index"),
    )
    with tempfile.TemporaryDirectory() as folder:
        reverse = partial(work.finish_in_reverse, folder, 2, MEET_LIMIT, loop_thread=work.this_thread())
        async with waiting_alone_gives_up(folder, reverse, 2, pools):
            with backwards_in_sets(loop):
                got = await run_cpu_bound([0, 1], reverse, limit=LIMIT, shown="run_cpu_bound([0, 1], work)")
    if got == [11, 10]:
        happened, fix, at = unordered("the order in which the calls finished (work(1) finished first)")
        fail(
            f"run_cpu_bound([0, 1], work) returned [11, 10], {happened}",
            expected="[10, 11], what work(0) and work(1) returned, in the order of ns",
            fix=fix,
            at=at,
        )
    expect(
        isinstance(got, (list, tuple)) and list(got) == [10, 11],
        f"run_cpu_bound([0, 1], work) returned {got!r}",
        expected="[10, 11], what work(0) and work(1) returned, in the order of ns",
        fix=IN_ORDER,
        at=ex.run_cpu_bound,
    )
    got = await run_cpu_bound([], limit=LIMIT)
    expect(
        isinstance(got, (list, tuple)) and list(got) == [],
        f"run_cpu_bound([]) returned {got!r}",
        expected="[]",
        at=ex.run_cpu_bound,
    )


@check("work(n) runs in worker processes, not in the grader's process")
async def test_runs_in_worker_processes(pools):
    # A single n too: "a pool is not worth it for one call" runs it in the loop, or in a thread.
    for ns in ([1, 2, 3], [4]):
        shown = f"run_cpu_bound({ns}, work)"
        got = records(await run_cpu_bound(ns, work.where, limit=LIMIT, shown=shown), shown, ns)
        here = [r for r in got if r.pid == work.getpid()]
        single = ", a single n too" if len(ns) == 1 else ""
        if any(r.thread == threading.get_ident() for r in here):
            fail(
                f"{shown} called work(n) right in the coroutine: the event loop's own thread did the work, so"
                " nothing else could run meanwhile",
                expected=f"each work(n) runs in a worker process of a ProcessPoolExecutor{single}",
                fix=PROCESSES,
                at=CallIn(ex.run_cpu_bound, "work"),
            )
        if here:
            fail(
                f"{shown} ran work(n) in threads, inside the process of the event loop: threads share one GIL, so"
                " CPU-bound work in threads still runs one call at a time, and competes with the loop for the GIL",
                expected=f"each work(n) runs in a worker process, which has its own interpreter and GIL{single}",
                fix="Use a ProcessPoolExecutor, not a ThreadPoolExecutor, asyncio.to_thread or the loop's default"
                " executor (threads).",
                at=threads_handed(),
            )
    # The default work too: a run_cpu_bound that sends cpu_bound_work apart, to threads, hands its calls to thread
    # pools only. (One that works its result out without it is the order check's to catch.)
    before, shown = pools.submitted, "run_cpu_bound([1, 2])"
    await run_cpu_bound([1, 2], limit=LIMIT, shown=shown)
    handed = pools.handed[before:]
    if handed and not any(isinstance(call.executor, ProcessPoolExecutor) for call in handed):
        given = getattr(ex, "cpu_bound_work", None)
        if given is None or not any(call.runs(given) for call in handed):  # threads only wait: processes of its own?
            names = sorted({call.shown() for call in handed})
            fail(
                f"{shown}, with the default work, handed no call to a ProcessPoolExecutor (threads ran only"
                f" {', '.join(names)})",
                expected="each work(n) handed to a concurrent.futures.ProcessPoolExecutor through run_in_executor,"
                " as the exercise asks",
                fix="Make the worker processes with `with ProcessPoolExecutor() as pool:` and hand each call to it,"
                " `loop.run_in_executor(pool, work, n)`: the pool starts, feeds and ends its processes for you,"
                " and the loop awaits the results without a thread of its own.",
                at=threads_handed(),
            )
        fail(
            f"{shown}, with the default work, ran cpu_bound_work in threads, inside the process of the event loop",
            expected="each work(n) runs in a worker process, whatever work is: the default cpu_bound_work too",
            fix="Run every work(n), cpu_bound_work included, in a ProcessPoolExecutor: "
            "`loop.run_in_executor(pool, work, n)`, with no other way for the default work.",
            at=threads_handed(),
        )


@check("the calls run in parallel, on at least two worker processes", depends=("runs_in_worker_processes",))
async def test_runs_in_parallel(pools):
    # Nine calls for a default pool of two workers (GRADING_CPUS): the first two meet, the others return at once,
    # and a run_cpu_bound that hands them over in batches (of two, of os.cpu_count(), of four), or through a
    # Semaphore, awaits a batch before the next: the loop goes idle with only some of them handed over.
    ns = list(range(PARALLEL_CALLS))
    shown = f"run_cpu_bound({ns}, work)"
    with tempfile.TemporaryDirectory() as folder:
        meet = partial(work.meet, folder, 2, MEET_LIMIT, loop_thread=work.this_thread())
        async with waiting_alone_gives_up(folder, meet, 2, pools, total=len(ns)) as alone:
            got = records(await run_cpu_bound(ns, meet, limit=LIMIT, shown=shown), shown, ns)
    why = alone.why or f"one waited {MEET_LIMIT:g} s for the other and gave up"
    # The check pretends to run on two cores: a pool sized from the count of cores is told so, or a student on a
    # laptop with sixteen would not see where a single worker came from.
    counts = ("cpu_count", "process_cpu_count")
    # In run_cpu_bound, else anywhere in the file: `WORKERS = os.cpu_count() - 1` at the top, say.
    counted = (CallIn(ex.run_cpu_bound, *counts).found() or CallIn(ex, *counts).found()) if alone.one_worker else None
    if counted is not None:
        code = linecache.getline(str(ROOT / counted.file), counted.line)
        sized = re.search(r"([\w.]+)\(\)\s*-\s*1\b", code)
        why = (
            "the pool has a single worker: on a machine with two cores, as the grader pretends this one is,"
            + (f" {sized[1]}() - 1 is one worker," if sized else " a number of workers worked out from the cores")
            + (" so" if sized else " came to one, so")
            + " work(1) waited in its queue until work(0) had returned"
        )
    expect(
        all(r.met for r in got),
        f"{shown}: work(0) and work(1) never ran at the same time ({why}); they ran in"
        f" {len({r.pid for r in got})} worker process(es), one after the other",
        expected="both calls submitted before awaiting either, running at once on two workers",
        fix=FEWER_THAN_CPUS
        if counted is not None
        else ONE_WORKER
        if alone.one_worker
        else "Hand the pool one call per n, so that each can go to a worker of its own: "
        "`await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`, not one call that loops over ns."
        if alone.one_call
        else "Leave pool.map's chunksize at 1, its default, or better hand each call over on its own:"
        " `await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`."
        if alone.chunked
        else "Submit all the calls, then await them together: "
        "`await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`; keep the pool's default"
        " number of workers (at least two).",
        at=counted or CallIn(ex.run_cpu_bound, "ProcessPoolExecutor", "ThreadPoolExecutor")
        if alone.one_worker
        else (None if alone.one_call or alone.chunked else awaited_in_a_loop(ex.run_cpu_bound)) or ex.run_cpu_bound,
    )
    if alone.handed_first is not None and (limit := CallIn(ex.run_cpu_bound, "Semaphore", "BoundedSemaphore").found()):
        fail(
            f"{shown} handed only {alone.handed_first} of its {len(ns)} calls to the pool at first: a Semaphore let no"
            " more through until one of them had returned",
            expected="every call submitted before any is awaited: the pool queues what its workers cannot run yet,"
            " and starts each call as soon as a worker is free",
            fix="Let nothing hold the calls back: `await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in"
            " ns))`. The pool itself runs as many at once as it has workers, so it needs no Semaphore.",
            at=limit,
        )
    if alone.handed_first is not None:
        fail(
            f"{shown} handed the first {alone.handed_first} of its {len(ns)} calls to the pool, then waited for them"
            " before handing over the rest: a call could start only once a whole batch had ended",
            expected="every call submitted before any is awaited: the pool queues what its workers cannot run yet,"
            " and starts each call as soon as a worker is free",
            fix="Submit all the calls, then await them together, with no batches: "
            "`await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))`. The pool itself runs as many"
            " at once as it has workers.",
            at=ex.run_cpu_bound,
        )


def pending_calls(pools: PoolSpy, work: Any) -> list[Future]:
    """The futures of the calls of `work` handed to a pool and not done yet."""
    return [future for future, call in list(pools.calls.items()) if call.runs(work) and not future.done()]


@check("the event loop keeps running other coroutines while run_cpu_bound runs")
async def test_loop_stays_responsive(pools):
    shown = "run_cpu_bound([0, 1], work)"
    with tempfile.TemporaryDirectory() as folder:
        # The calls count their time on a clock that runs only while the student's code awaits them or blocks the
        # loop, so that a wait for anything else first (`await asyncio.sleep(0.5)`, an event, a timer) before a
        # blocking `future.result()` does not find them done: real work can be longer than any wait.
        clock = os.path.join(folder, "clock")
        burn = partial(work.burn, BURN, clock=clock, pause_limit=PAUSE_LIMIT, home=work.getpid())
        async with LoopWatch(ROOT, given=[ex.cpu_bound_work] if hasattr(ex, "cpu_bound_work") else []) as watching:
            with work.keep_clock(clock, lambda: waiting_elsewhere(watching, pending_calls(pools, burn))):
                started = time.monotonic()
                got = await run_cpu_bound([0, 1], burn, limit=LIMIT, shown=shown)
                ended = time.monotonic()
    loop_thread = threading.get_ident()
    done = records(got, shown, [0, 1])
    first_done = min(record.ended for record in done)
    # A stall blamed on the pool's shutdown counts from the moment the shutdown began (see from_the_shutdown).
    spans = [from_the_shutdown(span, pools.shutdowns, loop_thread) for span in watching.report.spans]
    report = replace(watching.report, spans=spans)
    all_handed = sum(call.at < first_done for call in pools.handed) >= len(done)  # before any call's work was over
    # The pools' own time in the loop's thread (making them, starting workers, ending idle ones) is not the student's:
    # `asyncio.to_thread` starting its thread took 0.22 s at load 10.
    upkeep = pools.upkeep.in_thread(loop_thread)
    for record in done:
        # A stall with no line of the student's on the loop's stack is the busy machine's (or a pool's threads'
        # holding the GIL), unless the work itself ran on the loop's thread, from a callback, say: verdict runs
        # under load saw a correct solution's loop paused for 0.13 s of a 0.2 s call, with nothing to blame.
        ran_in_the_loop = record.pid == work.getpid() and record.thread == loop_thread
        stall = report.stall_during(record.started, record.ended, located=not ran_in_the_loop)
        if stall is not None and (
            retires_a_finished_pool(stall, record, first_done, all_handed)
            or starts_a_pool_per_call(stall, len(pools.pools))
        ):
            continue
        worked = record.ended - record.started - record.paused
        if stall is not None and stall.own(record.started, record.ended, besides=upkeep) > worked / 2:
            code, slept = stall.code or "", record.paused >= 0.05  # held only while the student's code slept
            held = (
                f" (while your code waited for something else than the pool's futures, asyncio.sleep say, the"
                f" grader held work({record.n}) back for {record.paused:.2f} s: work that takes longer than the wait"
                " is still running when it ends)"
                if slept
                else ""
            )
            fail(
                f"{shown}, where each call of work takes {BURN:g} s:"
                f" while work({record.n}) ran, the {stall.describe()}{held}",
                expected="other coroutines keep running while the work runs in other processes",
                fix=SHUT_DOWN_FIRST
                if shuts_down(code)
                else NO_TIME_SLEEP
                if "time.sleep(" in code
                else AWAIT_THE_FUTURES + (NO_HEAD_START if slept else ""),
                at=stall.location or ex.run_cpu_bound,
            )
    blocked, worst = report.blocked_for(started, ended, besides=upkeep)
    if blocked > LONGEST_BLOCK:
        code = (worst.code if worst else None) or ""
        fail(
            f"{shown} blocked the event loop for {blocked:.2f} s of the {ended - started:.2f} s it took"
            + (f" (the longest: {worst.describe()})" if worst else ""),
            expected="the event loop keeps running from the start of run_cpu_bound to its end, before the work is"
            " handed over and after it too",
            fix=NO_TIME_SLEEP if "time.sleep(" in code else AWAIT_THE_FUTURES,
            at=(worst.location if worst else None) or ex.run_cpu_bound,
        )


@check(
    "the pool is shut down before run_cpu_bound returns: no worker process is left",
    depends=("runs_in_worker_processes",),
)
async def test_shuts_down_pool(pools):
    shown = "run_cpu_bound([1, 2], work)"
    pools.hold_elsewhere = HOLD_SHUTDOWN
    await run_cpu_bound([1, 2], work.where, limit=LIMIT, shown=shown)
    left_behind(pools, shown, f"when {shown} returned")


@check("when work(n) raises, run_cpu_bound raises that exception")
async def test_propagates_work_errors():
    shown = "run_cpu_bound([3, -1, 4], work)"
    try:
        got = await run_cpu_bound([3, -1, 4], work.fail_if_negative, limit=LIMIT, shown=shown)
    except work.WorkError as error:
        expect(
            str(error) == "cannot work on a negative number: -1",
            f"{shown} raised WorkError({str(error)!r})",
            expected="work(-1)'s own WorkError('cannot work on a negative number: -1')",
            at=ex.run_cpu_bound,
        )
        return
    except Exception as error:
        if isinstance(error.__cause__ or error.__context__, work.WorkError):
            fail(
                f"{shown} raised {type(error).__name__}: {error}, made from work(-1)'s WorkError",
                expected="work(-1)'s WorkError itself",
                fix="Let work's exception through as it is: no `except` that raises another exception in its place.",
                at=where(error) or ex.run_cpu_bound,
            )
        if any(isinstance(inner, work.WorkError) for inner in getattr(error, "exceptions", ())):
            fail(
                f"{shown} raised {type(error).__name__} wrapping work(-1)'s WorkError",
                expected="the WorkError itself",
                fix="`asyncio.gather` raises the first exception as it is; a TaskGroup wraps it in an ExceptionGroup,"
                " which is another exception (`except* WorkError` would catch it, `except WorkError` would not).",
                at=ex.run_cpu_bound,
            )
        raise
    caught = catching_handler_in(ex, work.WorkError(), ex.run_cpu_bound)
    fail(
        f"{shown} returned {got!r} although work(-1) raised WorkError",
        expected="the WorkError raised to the caller",
        fix="Let the exception through: this `except` swallows it; leave it out, or end it with a bare `raise`."
        if caught
        else "Let the exception through: no `return_exceptions=True`, no `except` that swallows it.",
        at=caught or ex.run_cpu_bound,
    )


@check("the pool is shut down when work(n) raises, too", depends=("runs_in_worker_processes",))
async def test_shuts_down_pool_on_error(pools):
    shown = "run_cpu_bound([-1, 3], work)"
    pools.hold_elsewhere = HOLD_SHUTDOWN
    try:
        await run_cpu_bound([-1, 3], partial(work.fail_if_negative_or_linger, LINGER), limit=LIMIT, shown=shown)
    except NotImplementedError:
        raise
    except Exception:
        left_behind(pools, shown, f"after {shown} raised")  # while the exception and the student's frame live
    else:
        left_behind(pools, shown, f"after {shown} returned")
