# fails: returns_results_in_order
"""Collects (n, result) pairs with as_completed, then sorts them back by the place of their n in ns: a repeated n has one place only."""

import asyncio
import concurrent.futures
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()

    async def tagged(pool, n):
        return n, await loop.run_in_executor(pool, work, n)

    with ProcessPoolExecutor() as pool:
        pairs = []
        for next_one in asyncio.as_completed([tagged(pool, n) for n in ns]):
            pairs.append(await next_one)
    order = {n: i for i, n in enumerate(ns)}
    pairs.sort(key=lambda p: order[p[0]])
    return [r for _, r in pairs]
