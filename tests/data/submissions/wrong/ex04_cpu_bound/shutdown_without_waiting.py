# fails: shuts_down_pool, shuts_down_pool_on_error
"""Shuts the pool down with wait=False: run_cpu_bound returns while its workers are still running."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor()
    try:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
    finally:
        pool.shutdown(wait=False)
