# fails: returns_results_in_order
"""asyncio.wait(futures) with no check for an empty ns: asyncio.wait refuses an empty collection."""

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
        futures = [loop.run_in_executor(pool, work, n) for n in ns]
        await asyncio.wait(futures)
        return [f.result() for f in futures]
