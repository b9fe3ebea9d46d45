# fails: shuts_down_pool_on_error
"""A pool per call, each in its own `with`: on success gather waits for them all, but it raises the first error at
once, while the other calls' pools are still running."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_one(n, work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(pool, work, n)


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    return await asyncio.gather(*[run_one(n, work) for n in ns])
