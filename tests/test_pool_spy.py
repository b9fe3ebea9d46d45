"""Exercise 04's pool spy: a shutdown that does not wait is seen as such, whatever the workers do afterwards."""

import concurrent.futures.process
import multiprocessing
import weakref
from concurrent.futures import ProcessPoolExecutor

from grader.probes.processes import PoolSpy, _workers_of_pools_made_before


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers come from a forkserver, not forked from this process: these tests make pools while other
    pools' manager threads run (and an xdist worker runs execnet's I/O thread throughout), and a fork() with threads
    about may deadlock the child, which Python 3.12+ warns of. What the spy records does not depend on the start
    method; the suite itself is graded under fork, forkserver and spawn in test_ex04_start_methods.py."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))


def test_a_shutdown_without_waiting_is_recorded_and_a_waiting_one_is_not(monkeypatch):
    spy = PoolSpy(monkeypatch)
    try:
        with process_pool(1) as waited:
            waited.submit(abs, -1).result()
        hurried = process_pool(1)
        hurried.submit(abs, -1).result()
        hurried.shutdown(wait=False)
        never = process_pool(1)  # never shut down: the live workers tell that story
        assert spy.shut_down_without_waiting() == [hurried]
        never.shutdown()
        assert spy.shut_down_without_waiting() == [hurried]
        hurried.shutdown()  # a later shutdown that waits makes up for it
        assert spy.shut_down_without_waiting() == []
    finally:
        spy.clean_up()


def test_workers_of_a_pool_made_before_the_check_are_found_and_left_alone(monkeypatch):
    class Gone:
        pass

    dead = weakref.proxy(Gone())  # isinstance() on it raises ReferenceError: the garbage collector's way meets it
    before = process_pool(2)  # as a module does at import
    try:
        before.submit(abs, -1).result()
        spy = PoolSpy(monkeypatch)
        during = process_pool(1)
        during.submit(abs, -2).result()
        theirs = set(before._processes.values())
        assert _workers_of_pools_made_before(spy.pools) == theirs  # through the pools' manager threads
        monkeypatch.delattr(concurrent.futures.process, "_threads_wakeups")
        assert _workers_of_pools_made_before(spy.pools) == theirs  # through the garbage collector
        monkeypatch.undo()
        spy.clean_up()
        assert all(worker.is_alive() for worker in theirs) and not during._processes
    finally:
        before.shutdown()
        del dead


def test_calls_handed_to_pools_of_processes_and_threads_are_recorded_with_what_they_run(monkeypatch):
    import functools
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from grader.probes.processes import at_once

    probe = functools.partial(pow, 2)
    spy = PoolSpy(monkeypatch)
    waited_on = []
    spy.waiting_on_call = waited_on.append
    try:
        with process_pool(1) as one, ThreadPoolExecutor(max_workers=3) as three:
            assert one.submit(probe, 3).result() == 8  # pending when asked: the hook hears of it
            three.submit(functools.partial(probe, 4)).result()  # a partial of the probe's partial
            three.submit(abs, -1).result()  # a call of something else
            list(one.map(probe, [1, 2]))  # map hands each chunk to submit with the probe as an argument
        assert [call.runs(probe) for call in spy.handed] == [True, True, False, True, True]
        assert {call.thread for call in spy.handed} == {threading.get_ident()}
        assert at_once(spy.handed) == 1 + 2  # one worker for three calls, three workers for two
        assert waited_on and all(call in spy.handed for call in waited_on)
    finally:
        spy.clean_up()


def test_a_pools_own_time_is_upkeep_of_the_thread_that_spent_it_and_waiting_for_the_work_is_not(monkeypatch):
    import threading
    import time

    spy = PoolSpy(monkeypatch)
    here = threading.get_ident()
    try:
        busy = process_pool(1)  # its making
        busy.submit(abs, -1).result()  # a call handed over (this one starts the worker)
        busy.submit(time.sleep, 0.2)  # another
        busy.shutdown()  # waits for the sleep: the work's time, not the pool's
        assert len(spy.upkeep.in_thread(here)) == 3
        assert spy.upkeep.in_thread(here)[-1][1] <= spy.shutdowns[-1][0]

        idle = process_pool(1)
        idle.submit(abs, -1).result()
        elsewhere = threading.Thread(target=idle.shutdown)  # nothing left to wait for: ending the worker is upkeep
        elsewhere.start()
        elsewhere.join()
        assert len(spy.upkeep.in_thread(here)) == 5
        assert len(spy.upkeep.in_thread(elsewhere.ident)) == 1
        assert all(began <= ended for began, ended in spy.upkeep.in_thread(here))
    finally:
        spy.clean_up()
