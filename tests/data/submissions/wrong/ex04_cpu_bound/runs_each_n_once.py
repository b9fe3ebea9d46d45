# fails: returns_results_in_order
"""Runs work once per distinct n and hands that one result to every repeat of n: work(n) does not run for every n."""

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
    distinct = list(dict.fromkeys(ns))
    with ProcessPoolExecutor() as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in distinct))
    by_n = dict(zip(distinct, results))
    return [by_n[n] for n in ns]
