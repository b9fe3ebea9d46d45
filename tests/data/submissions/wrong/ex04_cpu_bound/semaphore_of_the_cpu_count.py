# fails: runs_in_parallel
"""A Semaphore of os.cpu_count() around each run_in_executor "so as not to overload the machine": no more calls handed over than that until one returns."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    limit = asyncio.Semaphore(os.cpu_count() or 2)

    async def one(pool, n):
        async with limit:
            return await loop.run_in_executor(pool, work, n)

    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(one(pool, n) for n in ns))
