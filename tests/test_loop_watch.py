"""LoopWatch must find each blocking call's student line, stay quiet about code that awaits, and clean up."""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import multiprocessing
import os
import subprocess
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
import requests
import requests_mock
from support import DATA

from grader.model import Location
from grader.probes import work
from grader.probes.fake_requests import _linger
from grader.probes.loop_watch import BlockedSpan, LoopReport, LoopWatch

ROOT = DATA / "loop_watch"
FILE = ROOT / "exercises" / "blocking.py"
URL = "http://status.test/slow"


def _load():
    # Loaded by path under a private name: `exercises` would be the kit's own package.
    spec = importlib.util.spec_from_file_location("loop_watch_fake_student", FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


student = _load()


def line_of(snippet: str, function: str) -> int:
    """The line of `function` holding `snippet`, so that editing the fake student cannot silently skew a test."""
    lines = FILE.read_text().splitlines()
    start = next(n for n, text in enumerate(lines) if f"def {function}(" in text)
    return next(n for n, text in enumerate(lines[start:], start + 1) if snippet in text)


def assert_located(watch: LoopWatch, function: str, snippet: str, via: str | None = None) -> BlockedSpan:
    worst = watch.report.blocked(more_than=0.15)
    assert worst is not None, f"no stall found: {watch.report}"
    assert worst.seconds >= 0.25, worst.describe()
    line = line_of(snippet, function)
    assert (worst.file, worst.line, worst.function) == ("exercises/blocking.py", line, function), worst
    assert worst.code == snippet, worst.describe()
    assert worst.via == via, worst.describe()
    assert worst.location == Location("exercises/blocking.py", line, function)
    return worst


def assert_not_blocked(watch: LoopWatch) -> None:
    """No stall of the student's code: none that a sample found on a line of theirs. Not "no gap over 0.1 s": a busy
    machine pauses the loop as well (0.19 s once, Python 3.12 at load 15), and such a pause is located nowhere, as a
    blocking call is always located (the tests above)."""
    report = watch.report
    assert [span for span in report.spans if span.file is not None] == [], report
    assert report.ticks > 0, report


def assert_cleaned_up(tasks_before: set[asyncio.Task]) -> None:
    assert not [t for t in threading.enumerate() if t.name == "LoopWatch sampler"]
    assert asyncio.all_tasks() == tasks_before


@pytest.mark.asyncio
@pytest.mark.parametrize("awaits_after", [False, True], ids=["stall-at-exit", "stall-then-await"])
async def test_time_sleep_is_located(awaits_after: bool) -> None:
    async with LoopWatch(ROOT) as watch:
        await student.sleeps(0.3)
        if awaits_after:
            await asyncio.sleep(0.05)
    worst = assert_located(watch, "sleeps", "time.sleep(seconds)")
    assert worst.describe() == (
        f"event loop blocked for {worst.seconds:.2f} s at exercises/blocking.py:{worst.line} in sleeps:"
        " time.sleep(seconds)"
    )


@pytest.mark.asyncio
async def test_requests_get_is_located_at_the_student_call(monkeypatch) -> None:
    adapter = requests_mock.Adapter()
    adapter.register_uri("GET", URL, text=lambda request, context: time.sleep(0.3) or "ok")
    monkeypatch.setattr(requests.Session, "get_adapter", lambda session, url: adapter)
    async with LoopWatch(ROOT) as watch:
        assert await student.fetches(URL) == 200
    assert_located(watch, "fetches", "return requests.get(url, timeout=10).status_code")


@pytest.mark.asyncio
async def test_cpu_loop_is_located_in_the_innermost_student_frame() -> None:
    async with LoopWatch(ROOT) as watch:
        await student.crunches(0.3)
    assert_located(watch, "burn_cpu", "while time.perf_counter() < deadline:")


@pytest.mark.asyncio
async def test_work_burnt_on_the_loops_thread_is_located_while_a_clock_is_kept(tmp_path) -> None:
    # Exercise 04's responsiveness check burns on a clock (`work.burn`): a burn on the loop's thread that
    # looked at a pause flag every 2 ms handed the GIL back so often that the sampler got one sample in 0.4 s.
    clock = str(tmp_path / "clock")
    burn = functools.partial(work.burn, 0.3, clock=clock, pause_limit=2.0, home=work.getpid())
    async with LoopWatch(ROOT) as watch:
        with work.keep_clock(clock, watch.waiting_on_the_clock):
            await student.runs_work(burn)
    assert_located(watch, "runs_work", "return work(0)")


def go_without_cpu(after: float, seconds: float) -> None:
    """Have this process stopped (SIGSTOP) `after` seconds from now, for `seconds`: a machine so busy that the grader
    gets no CPU for a while, at a moment a test chooses."""
    pid = os.getpid()
    subprocess.Popen(["sh", "-c", f"sleep {after}; kill -STOP {pid}; sleep {seconds}; kill -CONT {pid}"])


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # 3.12+: pytest's threads
@pytest.mark.parametrize("starved_after", [None, 0.0, 0.01, 0.03])
async def test_work_on_the_clock_is_not_done_when_a_sleep_before_result_ends(tmp_path, starved_after) -> None:
    # A sleep before a blocking `future.result()` must not find the work done, even when the machine is so busy
    # that the grader's process gets no CPU for a while just as the sleep begins: SIGSTOP stands in for that. With
    # a flag raised while the student slept, the flag came too late, the work was done, and nothing blocked.
    clock = str(tmp_path / "clock")
    burn = functools.partial(work.burn, 0.2, clock=clock, pause_limit=2.0, home=work.getpid())
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        pool.submit(work.where, 0).result()  # the workers are up before the clock starts
        async with LoopWatch(ROOT) as watch:
            with work.keep_clock(clock, watch.waiting_on_the_clock):
                if starved_after is not None:
                    go_without_cpu(after=starved_after, seconds=0.4)
                records = await student.sleeps_then_waits_on_results(pool, burn, 0.5)
    [waited] = [span for span in watch.report.spans if span.code == "return [future.result() for future in futures]"]
    assert waited.seconds >= 0.15 and all(record.ended > waited.started for record in records), (records, waited)


@pytest.mark.asyncio
@pytest.mark.parametrize("starved_after", [None, 0.01])
async def test_a_fake_servers_latency_does_not_run_out_during_a_sleep_before_result(starved_after) -> None:
    # Exercise 05's server counts its latency on the same evidence as burn's clock (`waiting_on_the_clock`).
    async with LoopWatch(ROOT) as watch:

        def answer(n: int) -> float:
            _linger(0.3, lambda: False, watch.waiting_on_the_clock)
            return time.monotonic()

        with ThreadPoolExecutor(2) as pool:
            if starved_after is not None:
                go_without_cpu(after=starved_after, seconds=0.5)
            answered = await student.sleeps_then_waits_on_results(pool, answer, 0.5)
    [waited] = [span for span in watch.report.spans if span.code == "return [future.result() for future in futures]"]
    assert waited.seconds >= 0.2 and all(moment > waited.started for moment in answered), (answered, waited)


@pytest.mark.asyncio
async def test_a_given_helper_is_blamed_on_the_line_that_called_it() -> None:
    async with LoopWatch(ROOT, given=[student.given_helper]) as watch:
        await student.calls_given_helper(0.3)
    worst = assert_located(
        watch, "calls_given_helper", "given_helper(seconds)", via="given_helper: time.sleep(seconds)"
    )
    assert worst.describe().endswith("given_helper(seconds) (inside given_helper: time.sleep(seconds))")


@pytest.mark.asyncio
async def test_a_comprehension_is_named_after_its_function() -> None:
    async with LoopWatch(ROOT) as watch:
        await student.sleeps_in_comprehension(0.3)
    assert_located(watch, "sleeps_in_comprehension", "return [time.sleep(s) for s in (seconds,)]")


@pytest.mark.asyncio
async def test_waiting_on_a_worker_thread_is_a_stall_during_its_work() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        async with LoopWatch(ROOT) as watch:
            started = time.monotonic()
            await student.waits_on_result(pool, 0.3)
            ended = time.monotonic()
    worst = assert_located(watch, "waits_on_result", "pool.submit(time.sleep, seconds).result()")
    assert watch.report.stall_during(started, ended) is worst
    assert worst.overlap(started, ended) >= 0.25


@pytest.mark.asyncio
async def test_a_stall_counts_the_samples_of_the_student_lines_it_did_not_blame() -> None:
    async with LoopWatch(ROOT) as watch:
        await student.sleeps(0.3)
    located = assert_located(watch, "sleeps", "time.sleep(seconds)")
    assert located.elsewhere == 0 and located.started <= located.located_from < located.ended, located
    async with LoopWatch(ROOT) as watch:
        await student.sleeps_twice(0.1, 0.3)
    worst = assert_located(watch, "sleeps_twice", "time.sleep(second)")
    assert worst.elsewhere > 0, worst  # the first sleep's samples: that line too was the student's, not the machine's


def test_blocked_for_counts_the_students_stalls_from_where_they_were_seen_less_what_was_not_theirs() -> None:
    own = BlockedSpan(0.5, 10.0, 10.5, "exercises/ex04.py", 3, "f", "time.sleep(0.5)", located_from=10.1)
    machines = BlockedSpan(0.3, 11.0, 11.3)  # located nowhere: a busy machine's pause
    report = LoopReport(spans=[own, machines])
    assert report.blocked_for(9.0, 12.0) == (pytest.approx(0.4), own)  # from 10.1: before it, the loop was elsewhere
    assert report.blocked_for(10.2, 12.0)[0] == pytest.approx(0.3)
    assert report.blocked_for(9.0, 12.0, besides=[(10.0, 10.25), (11.0, 11.3)])[0] == pytest.approx(0.25)
    assert report.blocked_for(11.0, 12.0) == (0.0, None)


@pytest.mark.asyncio
async def test_awaiting_asyncio_sleep_is_not_blocking() -> None:
    async with LoopWatch(ROOT) as watch:
        await student.awaits(0.3)
    assert_not_blocked(watch)


@pytest.mark.asyncio
async def test_run_in_executor_is_not_blocking() -> None:
    async with LoopWatch(ROOT) as watch:
        started = time.monotonic()
        await student.awaits_executor(0.3)
        ended = time.monotonic()
    assert_not_blocked(watch)
    assert watch.report.stall_during(started, ended, located=True) is None  # a busy machine's pause is none


@pytest.mark.asyncio
async def test_a_stall_outside_student_code_has_no_location() -> None:
    async with LoopWatch(ROOT) as watch:
        time.sleep(0.2)  # the point: a stall the student did not cause
    worst = watch.report.worst()
    assert worst is not None and worst.file is None and worst.location is None
    assert worst.describe() == f"event loop blocked for {worst.seconds:.2f} s"


@pytest.mark.asyncio
async def test_everything_stops_when_the_body_raises() -> None:
    before = asyncio.all_tasks()
    watch = LoopWatch(ROOT)
    with pytest.raises(ZeroDivisionError):
        async with watch:
            await student.sleeps(0.1)
            _ = 1 / 0
    assert_cleaned_up(before)
    assert watch.report.longest_gap >= 0.1


@pytest.mark.asyncio
async def test_everything_stops_when_the_body_is_cancelled() -> None:
    before = asyncio.all_tasks()
    watch = LoopWatch(ROOT)
    entered = asyncio.Event()

    async def body() -> None:
        async with watch:
            entered.set()
            await asyncio.sleep(10)

    task = asyncio.create_task(body())
    await entered.wait()
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert_cleaned_up(before)
    assert watch.report.ticks > 0


@pytest.mark.asyncio
async def test_report_is_only_available_after_exit() -> None:
    async with LoopWatch(ROOT) as watch:
        with pytest.raises(RuntimeError, match="after the async with block"):
            _ = watch.report
    assert isinstance(watch.report, LoopReport)


def test_bad_timing_parameters_are_refused() -> None:
    with pytest.raises(ValueError):
        LoopWatch(ROOT, interval=0.1, late_after=0.05)


def test_report_helpers_pick_the_right_span() -> None:
    short = BlockedSpan(0.1, 10.0, 10.1, "exercises/ex01.py", 3, "f", "time.sleep(0.1)")
    long = BlockedSpan(0.4, 11.0, 11.4)
    report = LoopReport(longest_gap=0.4, spans=[short, long], tick_times=[9.9, 10.0, 10.2, 11.5])
    assert report.worst() is long
    assert report.blocked(more_than=0.3) is long
    assert report.blocked(more_than=0.4) is None
    assert LoopReport().worst() is None
    assert short.describe() == "event loop blocked for 0.10 s at exercises/ex01.py:3 in f: time.sleep(0.1)"
    assert long.describe() == "event loop blocked for 0.40 s"
    assert long.overlap(11.2, 12.0) == pytest.approx(0.2)
    assert long.overlap(12.0, 13.0) == 0.0
    assert report.stall_during(10.0, 10.5) is short
    assert report.stall_during(10.05, 11.1) is long  # 0.1 s of it against 0.05 s of short
    assert report.stall_during(12.0, 13.0) is None
    assert report.stall_during(10.05, 11.1, located=True) is short  # long blames no line: a busy machine's pause
    assert report.stall_during(11.0, 11.4, located=True) is None
    assert report.ticks == 4
    assert report.ticks_between(10.0, 11.5) == 3
    assert report.ticks_between(10.3, 11.4) == 0
    assert report.stalled_for(10.05, 11.1) == pytest.approx(0.15)  # both stalls together
    assert report.stalled_for(10.05, 11.1, located=True) == pytest.approx(0.05)  # only the one in student code
    assert report.stalled_for(12.0, 13.0) == 0.0
