# fails: returns_results_in_order, runs_in_worker_processes, runs_in_parallel, loop_stays_responsive, shuts_down_pool, propagates_work_errors, shuts_down_pool_on_error
"""Tries run_cpu_bound at the top level of the file, not under if __name__ == '__main__': importing the file hangs."""

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
        return await asyncio.gather(*[loop.run_in_executor(pool, work, n) for n in ns])


print(asyncio.run(run_cpu_bound([1_000, 2_000])))
