# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive
"""Calls work(n) in the argument of run_in_executor: the loop does the work and hands the pool its result."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work(n)) for n in ns))
