# fails: returns_results_in_order
"""Collects results as they complete, so they come back in completion order."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        futures = [loop.run_in_executor(pool, work, n) for n in ns]
        return [await future for future in asyncio.as_completed(futures)]
