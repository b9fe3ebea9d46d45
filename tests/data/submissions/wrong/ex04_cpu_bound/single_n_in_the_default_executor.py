# fails: runs_in_worker_processes
"""Fewer than two ns go to the loop's default executor, threads, "a single call cannot run in parallel with anything"."""

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
    if len(ns) < 2:
        # a single call cannot run in parallel with anything: a thread is enough
        return [await loop.run_in_executor(None, work, n) for n in ns]
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
