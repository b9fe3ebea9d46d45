# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""multiprocessing's Pool handed to run_in_executor: a pool of processes, but no executor; asyncio cannot submit to it."""

import asyncio
import multiprocessing


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with multiprocessing.Pool() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
