# fails: runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""The work is handed to the loop itself: a callback that maps work over ns, so no line of the student's is on the
loop's stack while it blocks."""

import asyncio


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    results: list = []
    loop.call_soon(results.extend, map(work, ns))
    await asyncio.sleep(0)
    return results
