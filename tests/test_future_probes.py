"""The controlled clock of exercise 01's checks: `wake_sleepers` ends a task's `asyncio.sleep` now, and
`timer_due` tells a timer that could still set a future from the timers of tasks' own waits."""

from __future__ import annotations

import asyncio

from grader.probes.futures import timer_due, wake_sleepers


def test_a_sleeping_task_is_woken_with_its_sleep_returning_normally():
    async def main() -> tuple[int, object, float]:
        loop = asyncio.get_running_loop()
        task = asyncio.create_task(asyncio.sleep(3600, result="slept"))
        await asyncio.sleep(0)
        started = loop.time()
        woken = wake_sleepers([task])
        return woken, await asyncio.wait_for(task, 5), loop.time() - started

    woken, got, waited = asyncio.run(main())
    assert woken == 1 and got == "slept" and waited < 3600


def test_only_a_sleep_is_woken_not_a_call_later_or_a_future_nobody_sets():
    async def main() -> tuple[int, bool, bool]:
        loop = asyncio.get_running_loop()
        fired = loop.create_future()
        timer = loop.call_later(3600, fired.set_result, None)
        never = loop.create_future()
        waiting = asyncio.create_task(asyncio.wait_for(never, 3600))
        await asyncio.sleep(0)
        woken = wake_sleepers([waiting, asyncio.current_task()])
        await asyncio.sleep(0)
        state = (woken, fired.done(), waiting.done())
        timer.cancel()
        waiting.cancel()
        return state

    assert asyncio.run(main()) == (0, False, False)


def test_a_call_later_timer_is_due_but_the_timers_of_running_tasks_waits_are_not():
    async def main() -> tuple[bool, bool, bool]:
        loop = asyncio.get_running_loop()
        sleeper = asyncio.create_task(asyncio.sleep(0.5))
        waiter = asyncio.create_task(asyncio.wait([loop.create_future()], timeout=0.5))
        await asyncio.sleep(0)
        quiet = timer_due(loop, loop.time() + 1)
        timer = loop.call_later(0.5, lambda: None)
        due_soon, due_later = timer_due(loop, loop.time() + 1), timer_due(loop, loop.time() + 0.1)
        timer.cancel()
        sleeper.cancel()
        waiter.cancel()
        return quiet, due_soon, due_later

    assert asyncio.run(main()) == (False, True, False)


def test_a_task_made_on_the_loops_next_step_is_waited_for_however_late_the_wait_first_looks():
    """A correct make_request may have its task made one loop step after the call (run_coroutine_threadsafe from the
    loop's own thread, `loop.call_soon(asyncio.create_task, ...)`). On a busy machine the checking process can be
    held up between the start of `outcome`'s wait and its first look for the student's tasks; that first look comes
    before the loop has had a turn, finds no task, and must not end the wait as "never set"."""
    from grader.suites.future_waits import SETTLE, outcome

    async def main() -> object:
        loop = asyncio.get_running_loop()
        future = loop.create_future()

        async def setter() -> None:
            await asyncio.sleep(0.01)
            future.set_result(7)

        loop.call_soon(asyncio.ensure_future, setter())  # the task is made on the loop's next step
        real_time, calls = loop.time, 0

        def held_up() -> float:  # every reading after `outcome`'s first is late by the hold-up
            nonlocal calls
            calls += 1
            return real_time() + (0 if calls == 1 else 5 * SETTLE)

        loop.time = held_up
        try:
            await outcome(future, set(), shown="make_request(7, 0.01)")
        finally:
            del loop.time
        return future.result() if future.done() else "never set"

    assert asyncio.run(main()) == 7
