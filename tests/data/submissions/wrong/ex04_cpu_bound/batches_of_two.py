# fails: runs_in_parallel
"""Hands the calls over two at a time and awaits each batch before the next: a call waits for a whole batch to end."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter



async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    results = []
    with ProcessPoolExecutor() as pool:
        for i in range(0, len(ns), 2):
            results += await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns[i:i + 2]))
    return results
