# fails: runs_in_parallel
"""A Semaphore of twice the cores holds the calls back: only that many are handed to the pool until one returns."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    limit = asyncio.Semaphore(2 * (os.cpu_count() or 1))

    async def one(pool, n):
        async with limit:
            return await loop.run_in_executor(pool, work, n)

    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(one(pool, n) for n in ns))
