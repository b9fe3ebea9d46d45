"""Exercise 04: what a failing check says, and that the calls which wait for each other stop waiting as soon as the
student's code shows that the other call cannot come (a wrong solution grades in a moment, not MEET_LIMIT)."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from support import SUBMISSIONS, grade_source

from grader.model import CheckResult
from grader.probes.loop_watch import BlockedSpan
from grader.probes.work import Record
from grader.suites.pool_stalls import from_the_shutdown, retires_a_finished_pool, starts_a_pool_per_call

WRONG = SUBMISSIONS / "wrong" / "ex04_cpu_bound"
MEET_LIMIT = 3.0
"""The suite's own: how long a call waits for a partner that never comes. The fast ways out take a tenth of it."""
ALONE = 0.5
"""The suite's own: how long the loop must run without a further call before the calls stop waiting, where the
loop cannot be seen going idle."""
WAITING = ("returns_results_in_order", "runs_in_parallel")
"""The checks whose calls wait for each other."""


def checks(tmp_path, name: str) -> dict[str, CheckResult]:
    return {c.name: c for c in grade_source(tmp_path, "04", WRONG / f"{name}.py").checks}


def test_a_pool_of_one_worker_is_named_at_once_where_it_is_made(tmp_path):
    got = checks(tmp_path, "one_worker")
    verdict = got["runs_in_parallel"]
    assert not verdict.passed
    assert "(the pool has a single worker, max_workers=1, so work(1) waited in its queue" in verdict.message
    assert "give it at least two" in verdict.fix
    assert verdict.location.line == 18, verdict.location  # with ProcessPoolExecutor(max_workers=1) as pool:
    assert got["returns_results_in_order"].passed  # one worker runs them in order: that check has nothing to say
    for name in WAITING:
        assert got[name].duration < MEET_LIMIT, (name, got[name].duration)


def test_a_pool_sized_from_the_cpu_count_is_told_that_the_grader_pretends_two_cores(tmp_path):
    verdict = checks(tmp_path, "one_worker_fewer_than_cpus")["runs_in_parallel"]
    assert not verdict.passed
    assert "on a machine with two cores, as the grader pretends this one is, os.cpu_count() - 1 is one worker" in (
        verdict.message
    ), verdict.message
    assert "max_workers=1" not in verdict.message + verdict.fix, verdict  # not what the student wrote
    assert "max(2, os.cpu_count() - 1)" in verdict.fix, verdict.fix
    assert verdict.location.line == 19, verdict.location  # with ProcessPoolExecutor(max_workers=os.cpu_count() - 1)
    # Worked out at import, before any check runs: the count the grader pretends is already in place then.
    at_import = checks(tmp_path / "at_import", "workers_counted_at_import")["runs_in_parallel"]
    assert "as the grader pretends this one is, os.cpu_count() - 1 is one worker" in at_import.message, at_import
    assert (at_import.location.line, at_import.location.function) == (8, "<module>"), at_import.location
    none = checks(tmp_path / "none", "no_workers_on_two_cores")["returns_results_in_order"]
    assert "ValueError: max_workers must be greater than 0" in none.message and "empty ns" not in none.expected
    assert "it is 2 while the grader runs your code" in none.fix, none.fix


def test_a_loop_that_waits_on_result_gives_the_reason_without_waiting_the_limit(tmp_path):
    got = checks(tmp_path, "blocks_on_result")
    verdict = got["runs_in_parallel"]
    assert "(the event loop waited for work(0)'s result(), so work(1) was handed to the pool only once" in (
        verdict.message
    )
    for name in WAITING:
        assert got[name].duration < MEET_LIMIT, (name, got[name].duration)


def test_calls_awaited_one_at_a_time_stop_waiting_once_the_loop_has_nothing_left_to_run(tmp_path):
    got = checks(tmp_path, "one_at_a_time")
    verdict = got["runs_in_parallel"]
    assert "(work(1) was handed to the pool only once work(0) had returned)" in verdict.message, verdict.message
    assert verdict.duration < ALONE, verdict.duration  # about 0.05 s with both cores busy; ALONE was the wait
    assert got["returns_results_in_order"].duration < MEET_LIMIT, got["returns_results_in_order"].duration


def test_work_called_in_the_loops_thread_does_not_wait_for_a_partner(tmp_path):
    got = checks(tmp_path, "work_in_the_loop")
    assert got["returns_results_in_order"].passed
    assert got["returns_results_in_order"].duration < MEET_LIMIT, got["returns_results_in_order"].duration


def test_calls_handed_to_threads_one_at_a_time_are_seen_as_such(tmp_path):
    got = checks(tmp_path, "default_executor_one_at_a_time")
    assert got["returns_results_in_order"].passed
    assert got["returns_results_in_order"].duration < MEET_LIMIT, got["returns_results_in_order"].duration


def test_results_put_back_by_their_n_lose_a_repeated_n(tmp_path):
    verdict = checks(tmp_path, "results_by_value")["returns_results_in_order"]
    assert verdict.message == (
        "run_cpu_bound([30000, 500, 0, 500]) returned [30000, None, 0, 500]: 500 is twice in ns, but its result is in"
        " the list only once"
    ), verdict.message
    assert "a repeated n as often as it comes" in verdict.expected
    assert "not where its n is" in verdict.fix and "enumerate(ns)" in verdict.fix
    assert verdict.location.line == 18, verdict.location  # position = {n: i for i, n in enumerate(ns)}


PLACED_WITH_NS_INDEX = """\
import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n):
    return n


async def run_cpu_bound(ns, work=cpu_bound_work):
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    results = [None] * len(ns)
    with ProcessPoolExecutor() as pool:
        futures = {loop.run_in_executor(pool, work, n): n for n in ns}
        done, _ = await asyncio.wait(futures)
        for future in done:
            results[ns.index(futures[future])] = future.result()
    return results
"""


def test_results_put_back_at_ns_index_are_pointed_at_that_line(tmp_path):
    verdict = {c.name: c for c in grade_source(tmp_path, "04", PLACED_WITH_NS_INDEX).checks}["returns_results_in_order"]
    assert verdict.message.endswith(": 500 is twice in ns, but its result is in the list only once"), verdict.message
    assert verdict.location.line == 18, verdict.location


def test_results_read_from_the_done_set_are_told_that_a_set_has_no_order(tmp_path):
    verdict = checks(tmp_path, "results_from_the_done_set")["returns_results_in_order"]
    assert verdict.message == (
        "run_cpu_bound([30000, 500, 0, 500]) returned [500, 0, 500, 30000], not in the order of ns: the order of the"
        " set of done futures that asyncio.wait returned"
    ), verdict.message
    assert verdict.fix.startswith("`asyncio.wait` returns two sets, done and pending, and a set has no order")
    assert "as_completed" not in verdict.fix
    assert verdict.location.line == 22, verdict.location  # done, _ = await asyncio.wait(futures)


def test_results_in_completion_order_are_told_about_as_completed(tmp_path):
    verdict = checks(tmp_path, "completion_order")["returns_results_in_order"]
    assert "as_completed` does not" in verdict.fix and "set" not in verdict.fix, verdict.fix
    assert verdict.location.line == 19, verdict.location  # [await future for future in asyncio.as_completed(...)]


def test_pool_map_handed_to_a_thread_is_not_taken_for_one_call_at_a_time(tmp_path):
    """`run_in_executor(None, pool.map, work, ns)` hands the loop's default executor one call, which submits the real
    ones a moment later: counted as one of them, it looked like work(0) handed over alone, and the calls stopped
    waiting for each other before they could meet. Here only the loop, blocked by list() of map's results, fails."""
    got = checks(tmp_path, "pool_map_results_read_in_the_coroutine")
    assert {name for name, c in got.items() if not c.passed} == {"loop_stays_responsive"}, {
        name: c.message for name, c in got.items()
    }


def test_a_function_the_pool_cannot_pickle_is_told_to_pass_work_and_n_apart(tmp_path):
    for name in ("lambda_sent_to_the_pool",):
        verdict = checks(tmp_path / name, name)["returns_results_in_order"]
        assert "Can't" in verdict.message and "local object" in verdict.message, verdict.message
        assert verdict.fix.startswith("A process pool sends the function to its worker process by pickling it")
        assert "`loop.run_in_executor(pool, work, n)`" in verdict.fix


def test_the_futures_of_pool_submit_are_told_the_way_to_an_asyncio_future(tmp_path):
    for name in ("gathers_submit_futures", "awaits_submit_futures"):
        verdict = checks(tmp_path / name, name)["returns_results_in_order"]
        assert verdict.fix.startswith("pool.submit(...) gives a concurrent.futures.Future"), (name, verdict.fix)
        assert "coroutine" not in verdict.fix and "time.sleep" not in verdict.fix, (name, verdict.fix)


def test_futures_of_a_loop_nothing_runs_keep_the_words_that_say_so(tmp_path):
    verdict = checks(tmp_path, "futures_of_a_new_loop")["returns_results_in_order"]
    assert verdict.message.endswith("attached to a different loop"), verdict.message  # not clipped off by a repr
    assert "`loop = asyncio.get_running_loop()`" in verdict.fix


def test_an_empty_asyncio_wait_in_a_coroutine_is_told_to_return_early_not_to_drive_a_loop(tmp_path):
    verdict = checks(tmp_path, "waits_on_no_futures")["returns_results_in_order"]
    assert "`if not futures: return []`" in verdict.fix and "run_until_complete" not in verdict.fix, verdict.fix


def test_every_n_unpacked_into_one_executor_call_is_told_to_submit_one_call_each(tmp_path):
    got = checks(tmp_path, "unpacks_ns_into_one_call")
    failed = [c for c in got.values() if not c.passed and c.fix]
    assert failed and all(c.fix.startswith("run_in_executor(pool, func, *args) makes one call") for c in failed)
    # Where the check's work binds a keyword (a partial), Python names that parameter, which the student never saw.
    responsive = got["loop_stays_responsive"]
    assert responsive.message.endswith("work() takes 1 positional argument, n, but more were given"), responsive
    assert responsive in failed, responsive
    for check in failed:  # the checks' own work functions are `work` to the student, whatever the grader calls them
        assert "positional argument" in check.message and not any(
            f" {name}()" in check.message for name in ("where", "burn", "fail_if_negative", "meet")
        ), check.message


def test_the_executor_left_out_of_run_in_executor_is_told_to_come_first(tmp_path):
    failed = [c for c in checks(tmp_path, "executor_left_out").values() if not c.passed and c.fix]
    assert failed and all(c.fix.startswith("run_in_executor takes the executor first") for c in failed), failed
    # One check hands a functools.partial of its work: the student's `work` is a function, in every check alike.
    said = "a generator expression raised AttributeError: 'function' object has no attribute 'submit'"
    assert all(c.message == said for c in failed), [c.message for c in failed]


def test_multiprocessings_pool_is_told_apart_from_arguments_in_the_wrong_order(tmp_path):
    verdict = checks(tmp_path, "multiprocessing_pool")["returns_results_in_order"]
    assert "'Pool' object has no attribute 'submit'" in verdict.message, verdict.message
    assert "multiprocessing's Pool is not an executor" in verdict.fix and "Handed the function" not in verdict.fix
    assert verdict.location.line == 18, verdict.location


def test_a_pool_opened_with_async_with_is_told_it_is_a_plain_context_manager(tmp_path):
    verdict = checks(tmp_path, "async_with_pool")["returns_results_in_order"]
    if sys.version_info < (3, 11):  # 3.10 says only "AttributeError: __aenter__": the pool is read from the line
        assert verdict.message == "run_cpu_bound() raised AttributeError: __aenter__", verdict.message
        assert verdict.location.line == 18, verdict
    else:
        assert "does not support the asynchronous context manager protocol" in verdict.message, verdict.message
    assert verdict.fix.startswith("A ProcessPoolExecutor is a plain context manager: `with ProcessPoolExecutor()")


def test_a_pool_made_at_import_and_shut_down_by_its_with_block_is_told_to_make_one_per_call(tmp_path):
    verdict = checks(tmp_path, "global_pool_with_block")["returns_results_in_order"]
    assert "cannot schedule new futures after shutdown" in verdict.message, verdict.message
    assert "a pool made once, at import, is over once a call has left its block" in verdict.fix, verdict.fix


def test_a_missing_return_is_named_in_every_check_not_taken_for_a_wrong_result(tmp_path):
    got = checks(tmp_path, "half_finished")
    for name in ("returns_results_in_order", "runs_in_worker_processes", "propagates_work_errors"):
        assert got[name].message.endswith("returned None: run_cpu_bound has no `return` with a value"), got[name]
        assert got[name].fix.startswith("Return what gather gives"), got[name].fix


def test_asyncio_to_thread_is_named_among_the_threads(tmp_path):
    verdict = checks(tmp_path, "to_thread")["runs_in_worker_processes"]
    assert "asyncio.to_thread" in verdict.fix, verdict.fix


def test_a_try_out_at_the_top_level_that_hangs_the_import_is_pointed_at_with_the_main_guard(tmp_path):
    """A pool used at import time deadlocks: the pool's feeder thread pickles work by importing the module that is
    still being imported. The grader used to ask about an endless loop; it names the line and the main guard."""
    result = grade_source(tmp_path, "04", WRONG / "demo_at_import.py")
    assert result.message.startswith("importing exercises/ex04_cpu_bound.py did not finish within"), result.message
    assert "still running line 22, `print(asyncio.run(run_cpu_bound([1_000, 2_000])))`" in result.message
    assert result.location.line == 22
    assert all('`if __name__ == "__main__":`' in c.fix for c in result.checks), result.checks


def test_a_pool_per_call_is_told_that_gather_raised_while_the_other_pools_ran(tmp_path):
    got = checks(tmp_path, "pool_per_call")
    verdict = got["shuts_down_pool_on_error"]
    assert "it made 2 pools, and asyncio.gather raised work(-1)'s error as soon as it came" in verdict.message
    assert verdict.fix.startswith("Make one pool for all the calls") and "A `with` per call does not" in verdict.fix
    assert [name for name, check in got.items() if not check.passed] == ["shuts_down_pool_on_error"]


def record(started: float, ended: float) -> Record:
    return Record(0, 1, 1, started, ended)


RETIRING = BlockedSpan(0.3, started=10.2, ended=10.5, file="exercises/ex04_cpu_bound.py", line=19,
                       code="with ProcessPoolExecutor() as pool:")  # fmt: skip


def test_a_pool_per_call_waiting_for_its_idle_workers_is_no_claim_about_the_loop():
    """On a busy machine, the first call's pool took more than 0.1 s to end its workers while the second call's work
    ran (started late): the responsiveness check failed a pool per call, which blocks the loop for no work."""
    first, second = record(10.0, 10.2), record(10.15, 10.35)
    first_done = min(first.ended, second.ended)
    assert retires_a_finished_pool(RETIRING, second, first_done, all_handed=True)
    # The second call's pool started its workers late (spawn, a busy machine): its work began after the first was
    # done, but it had been handed over before, so the first pool's shutdown held nothing back.
    assert retires_a_finished_pool(RETIRING, record(10.25, 10.45), first_done, all_handed=True)


def test_a_shutdown_that_waits_for_the_work_is_a_blocked_loop():
    # The `with` left before the await: the shutdown begins as the work does, and the next call's work only after it.
    assert not retires_a_finished_pool(replace(RETIRING, started=10.0), record(10.0, 10.2), 10.2, all_handed=True)
    assert not retires_a_finished_pool(RETIRING, record(10.21, 10.41), 10.2, all_handed=False)  # held back
    assert not retires_a_finished_pool(
        replace(RETIRING, code="future.result()"), record(10.15, 10.35), 10.2, all_handed=True
    )


def test_a_stall_blamed_on_the_shutdown_starts_when_the_shutdown_was_called():
    """With the other core busy, a correct `with` block was blamed for a 0.23 s stall, most of it before the work was
    over: the loop's thread, waiting for the results with none of the student's code on its stack, was kept off the CPU
    until the shutdown began. From the call on, the stall is the shutdown's; before it, the machine's."""
    loop_thread, other_thread = 1, 2
    waited = replace(RETIRING, seconds=0.23, started=10.1, ended=10.33)
    assert from_the_shutdown(waited, [(10.25, loop_thread)], loop_thread) == replace(
        waited, seconds=pytest.approx(0.08), started=10.25
    )
    assert from_the_shutdown(waited, [(10.0, loop_thread)], loop_thread) == waited  # called before the stall began
    # Not when another line of the student's was sampled in the stall (a blocking result() before the shutdown), nor
    # for a shutdown called by another thread, or after the stall, nor for a stall blamed on another line.
    mixed = replace(waited, elsewhere=3)
    assert from_the_shutdown(mixed, [(10.25, loop_thread)], loop_thread) == mixed
    assert from_the_shutdown(waited, [(10.25, other_thread), (10.4, loop_thread)], loop_thread) == waited
    blocking = replace(waited, code="return [future.result() for future in futures]")
    assert from_the_shutdown(blocking, [(10.25, loop_thread)], loop_thread) == blocking


def test_a_pool_per_call_starting_its_workers_is_no_claim_about_the_loop():
    """On a busy machine, the second call's pool took 0.2 s to start its workers, in the loop's thread, while the first
    call's work ran: the responsiveness check failed a pool per call for it."""
    starting = replace(RETIRING, code="return await loop.run_in_executor(pool, work, n)")
    assert starts_a_pool_per_call(starting, pools_made=2)
    assert not starts_a_pool_per_call(starting, pools_made=1)  # one pool starts before any work runs
    assert not starts_a_pool_per_call(replace(starting, code="pool.submit(work, n).result()"), pools_made=2)


def test_calls_handed_over_as_one_chunk_of_pool_map_are_told_so(tmp_path):
    verdict = checks(tmp_path, "pool_map_in_one_chunk")["runs_in_parallel"]
    assert "(pool.map handed work(0) and work(1) over as one chunk, which one worker runs" in verdict.message
    assert "chunksize at 1" in verdict.fix, verdict.fix


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("thread_pool", 17),  # with ThreadPoolExecutor() as pool:
        ("to_thread", 17),  # asyncio.gather(*(asyncio.to_thread(work, n) for n in ns))
        ("default_executor", 16),  # loop.run_in_executor(None, work, n)
        ("work_in_the_loop", 13),  # results = [work(n) for n in ns]
    ],
)
def test_work_kept_in_the_loop_s_process_is_pointed_at_where_it_is_handed_to_threads_or_called(tmp_path, name, line):
    verdict = checks(tmp_path, name)["runs_in_worker_processes"]
    assert not verdict.passed
    assert (verdict.location.file, verdict.location.line) == ("exercises/ex04_cpu_bound.py", line), verdict.location


def test_the_pools_own_map_handed_to_the_pool_is_told_what_cannot_be_pickled(tmp_path):
    verdict = checks(tmp_path, "pool_map_handed_to_the_pool")["returns_results_in_order"]
    assert "cannot pickle '_thread.lock' object" in verdict.message, verdict.message
    assert "sends the pool itself" in verdict.fix and "run_in_executor(pool, work, n)" in verdict.fix


def test_one_call_that_loops_over_ns_in_a_worker_is_told_to_hand_over_one_call_per_n(tmp_path):
    verdict = checks(tmp_path, "one_call_for_every_n")["runs_in_parallel"]
    assert "handed the pool one call that was given work and a list of ns" in verdict.message, verdict.message
    assert "was handed to the pool only once" not in verdict.message and "one call per n" in verdict.fix


def test_a_semaphore_that_holds_calls_back_is_named_not_called_a_batch(tmp_path):
    verdict = checks(tmp_path, "semaphore_of_the_cpu_count")["runs_in_parallel"]
    assert "a Semaphore let no more through" in verdict.message and "batch" not in verdict.message, verdict.message
    assert "needs no Semaphore" in verdict.fix and verdict.location.line == 18


def test_a_sleep_before_a_blocking_result_is_told_that_the_work_can_outlast_it(tmp_path):
    got = checks(tmp_path, "sleeps_then_blocks_on_result")
    verdict = got["loop_stays_responsive"]
    assert "in run_cpu_bound: return [future.result() for future in futures]" in verdict.message, verdict.message
    assert "than the pool's futures, asyncio.sleep say, the grader held work(" in verdict.message, verdict.message
    assert "A sleep (or any wait) first does not make the result ready" in verdict.fix, verdict.fix
    assert verdict.location.line == 20, verdict.location  # return [future.result() for future in futures]


def test_the_pool_class_handed_to_run_in_executor_is_told_to_make_a_pool(tmp_path):
    # Python's own words name a private lock of the pool, and a function, also where the check's work is a partial.
    got = checks(tmp_path, "pool_class_not_an_instance")
    assert "functools" not in got["loop_stays_responsive"].message, got["loop_stays_responsive"].message
    verdict = got["returns_results_in_order"]
    assert "has no attribute '_shutdown_lock'" in verdict.message, verdict.message
    assert verdict.fix.startswith("`ProcessPoolExecutor` is the class itself, not a pool"), verdict.fix
    assert "`with ProcessPoolExecutor() as pool:`" in verdict.fix, verdict.fix
    assert verdict.location.line == 17, verdict.location  # futures = [loop.run_in_executor(ProcessPoolExecutor, ...)]


def test_the_whole_list_handed_to_one_call_is_named_whatever_work_does_with_it(tmp_path):
    got = checks(tmp_path, "whole_list_to_one_call")
    for name, said in (
        ("returns_results_in_order", "work([30000, 500, 0, 500]), which raised TypeError: 'list' object cannot be"),
        ("runs_in_worker_processes", "work([1, 2, 3])"),  # the grader's work returned a record of its own for it
        ("propagates_work_errors", "work([3, -1, 4]), which raised TypeError"),
    ):
        verdict = got[name]
        assert "handed the whole list to a single call, " + said in verdict.message, verdict.message
        assert "Record" not in verdict.message and "one call per n" in verdict.fix, verdict
        assert verdict.location.line == 18, verdict.location  # return await loop.run_in_executor(pool, work, ns)


def test_an_error_converted_then_swallowed_is_blamed_on_the_except_that_converted_it(tmp_path):
    # The `except RuntimeError: return []` that returned never caught a WorkError: the one to fix is the `except`
    # whose `raise RuntimeError(...) from error` stopped it, and a bare `raise` there lets it through.
    verdict = checks(tmp_path, "converts_errors_then_returns_nothing")["propagates_work_errors"]
    assert verdict.message == "run_cpu_bound([3, -1, 4], work) returned [] although work(-1) raised WorkError"
    assert "end it with a bare `raise`" in verdict.fix, verdict.fix
    assert (verdict.location.line, verdict.location.function) == (20, "run_one"), verdict.location


def test_a_time_sleep_that_blocks_the_loop_gets_the_fix_for_it(tmp_path):
    verdict = checks(tmp_path, "time_sleep_between_submits")["loop_stays_responsive"]
    assert "time.sleep(0.2)" in verdict.message and verdict.location.line == 24, verdict.message
    assert verdict.fix.startswith("Wait with `await asyncio.sleep(...)`, never `time.sleep(...)`"), verdict.fix


def test_an_async_def_handed_to_the_pool_is_told_that_a_pool_runs_plain_functions(tmp_path):
    result = grade_source(tmp_path, "04", WRONG / "async_def_handed_to_the_pool.py")
    verdict = {check.name: check for check in result.checks}["returns_results_in_order"]
    assert "cannot pickle 'coroutine' object" in verdict.message, verdict.message
    assert verdict.fix.startswith("The function handed to the pool is an `async def`"), verdict.fix


def test_a_shutdown_handed_to_a_thread_and_not_awaited_is_named_where_it_is_handed_over(tmp_path):
    """The shutdown checks hold a shutdown run in another thread, so that one left unawaited is still under way when
    run_cpu_bound is over, every time (before, how soon the thread ended the workers decided the verdict)."""
    got = checks(tmp_path, "shutdown_in_a_thread_not_awaited")
    for name, ended in (("shuts_down_pool", "returned"), ("shuts_down_pool_on_error", "raised")):
        verdict = got[name]
        assert verdict.message.startswith(
            "the pool's shutdown was started in another thread and not awaited, so run_cpu_bound("
        ), verdict.message
        assert f"work) {ended} before the shutdown had finished" in verdict.message, verdict.message
        assert "`await loop.run_in_executor(None, pool.shutdown)`" in verdict.fix, verdict.fix
        assert verdict.location.line == 24, verdict.location  # loop.run_in_executor(None, pool.shutdown)


def test_a_shutdown_without_waiting_says_raised_for_a_call_that_raised(tmp_path):
    verdict = checks(tmp_path, "shutdown_without_waiting")["shuts_down_pool_on_error"]
    assert verdict.message == (
        "the pool was shut down with wait=False, so run_cpu_bound([-1, 3], work) raised without waiting for its"
        " workers to exit: they may still be running once it is over"
    ), verdict.message  # the same words however many workers the grader happened to see


def test_results_sorted_back_by_their_n_are_told_to_keep_positions_where_the_sort_is(tmp_path):
    verdict = checks(tmp_path, "sorted_back_by_n")["returns_results_in_order"]
    assert "put back in order by their n, and 500 is twice in ns" in verdict.message, verdict.message
    assert verdict.fix.startswith("Put each result at the position of its call in ns"), verdict.fix
    assert verdict.location.line == 28, verdict.location  # pairs.sort(key=lambda p: order[p[0]])


def test_calls_awaited_one_by_one_in_a_for_loop_are_pointed_at_the_await(tmp_path):
    verdict = checks(tmp_path, "one_at_a_time")["runs_in_parallel"]
    assert verdict.location.line == 20, verdict.location  # results.append(await loop.run_in_executor(pool, work, n))


@pytest.mark.parametrize("name", ["single_n_in_the_loop", "single_n_to_thread", "single_n_in_the_default_executor"])
def test_a_single_n_kept_out_of_the_process_pool_is_caught(tmp_path, name):
    verdict = checks(tmp_path, name)["runs_in_worker_processes"]
    assert verdict.message.startswith("run_cpu_bound([4], work) "), verdict.message
    assert verdict.expected.endswith(", a single n too"), verdict.expected
