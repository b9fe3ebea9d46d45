# fails: runs_in_worker_processes
"""Sends a single n to asyncio.to_thread, "a pool is overkill for one call": CPU-bound work in a thread of the loop's process."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    if len(ns) == 1:
        return [await asyncio.to_thread(work, ns[0])]
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
