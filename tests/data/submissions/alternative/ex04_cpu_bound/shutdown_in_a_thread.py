"""Exercise 04: the pool shut down in a finally, its shutdown (which waits for the workers) run in the loop's default executor so that the loop does not wait."""

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
        return await asyncio.gather(*[loop.run_in_executor(pool, work, n) for n in ns])
    finally:
        # shutdown(wait=True) waits for the workers: let a thread do the waiting, not the loop
        await loop.run_in_executor(None, pool.shutdown)
