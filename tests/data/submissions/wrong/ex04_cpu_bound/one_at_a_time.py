# fails: runs_in_parallel
"""Awaits each call before submitting the next: processes, but no parallelism."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    results = []
    with ProcessPoolExecutor() as pool:
        for n in ns:
            results.append(await loop.run_in_executor(pool, work, n))
    return results
