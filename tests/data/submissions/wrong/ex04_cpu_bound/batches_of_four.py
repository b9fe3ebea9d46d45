# fails: runs_in_parallel
"""Hands the calls over four at a time, "so as not to flood the pool", and awaits each batch before the next."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


BATCH = 4  # don't flood the pool


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    results = []
    with ProcessPoolExecutor() as pool:
        for i in range(0, len(ns), BATCH):
            results += await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns[i:i + BATCH]))
    return results
