# fails: runs_in_worker_processes
"""Threads for CPU-bound work: the GIL lets only one of them compute at a time."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
