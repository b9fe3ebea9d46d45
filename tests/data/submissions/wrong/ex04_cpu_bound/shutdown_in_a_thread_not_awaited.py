# fails: shuts_down_pool, shuts_down_pool_on_error
"""Hands the pool's shutdown to a thread in a `finally:` and does not await it: run_cpu_bound returns (or raises)
while the shutdown is still waiting for the workers."""

import asyncio
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
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
    finally:
        # shut down in the background so the loop is never blocked by the shutdown
        loop.run_in_executor(None, pool.shutdown)
