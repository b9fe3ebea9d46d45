# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""Runs cpu_bound_work in the pool whatever `work` it was given, as the lesson's example does."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, cpu_bound_work, n) for n in ns))
