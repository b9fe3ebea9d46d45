# fails: returns_results_in_order
"""Collects results as they complete and puts each back where its n is in ns: a repeated n loses a result."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    position = {n: i for i, n in enumerate(ns)}
    results = [None] * len(ns)
    with ProcessPoolExecutor() as pool:

        async def tagged(n):
            return n, await loop.run_in_executor(pool, work, n)

        for finished in asyncio.as_completed([tagged(n) for n in ns]):
            n, result = await finished
            results[position[n]] = result
    return results
