# fails: runs_in_worker_processes
"""The default cpu_bound_work goes to the loop's default executor (threads); only work passed in goes to processes."""

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
    if work is cpu_bound_work:
        return await asyncio.gather(*(loop.run_in_executor(None, work, n) for n in ns))
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
