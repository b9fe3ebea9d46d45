# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""run_in_executor(pool, pool.map, work, ns): the pool's own method sent to a worker, which means pickling the pool itself."""

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
        return list(await loop.run_in_executor(pool, pool.map, work, ns))
