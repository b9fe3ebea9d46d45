"""Exercise 04: the pool is warmed up with a call of its own, awaited, before the work is handed over all at once."""

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
    with ProcessPoolExecutor() as pool:
        await loop.run_in_executor(pool, abs, 0)  # the first worker starts now
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
