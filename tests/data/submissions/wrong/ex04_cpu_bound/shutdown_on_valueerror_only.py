# fails: shuts_down_pool_on_error
"""Shuts the pool down on the way out of a ValueError only: work that raises anything else leaves it running."""

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
    pool = ProcessPoolExecutor()
    try:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
    except ValueError:
        pool.shutdown()
        raise
    pool.shutdown()
    return results
