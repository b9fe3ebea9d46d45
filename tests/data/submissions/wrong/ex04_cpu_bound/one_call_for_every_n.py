# fails: runs_in_parallel
"""The whole list handed to the pool in one call, a helper that runs work(n) for every n: one worker process does them all, one after the other."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


def work_all(work, ns):
    return [work(n) for n in ns]


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(pool, work_all, work, ns)
