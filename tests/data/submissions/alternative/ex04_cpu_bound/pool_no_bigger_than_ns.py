"""Exercise 04: [] returned early, then a pool of min(len(ns), cpu count) workers (one for a single n)."""

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
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=min(len(ns), os.cpu_count() or 2)) as pool:
        futures = [loop.run_in_executor(pool, work, n) for n in ns]
        return await asyncio.gather(*futures)
