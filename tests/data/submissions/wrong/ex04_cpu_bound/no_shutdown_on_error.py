# fails: shuts_down_pool_on_error
"""Shuts the pool down on the happy path only: an exception skips the shutdown."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor()
    results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
    pool.shutdown()
    return results
