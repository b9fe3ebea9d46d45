# fails: propagates_work_errors
"""Runs each call in the pool, but logs a call's exception and leaves it out of the results instead of raising it."""

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
    results = []
    with ProcessPoolExecutor() as pool:
        futures = [loop.run_in_executor(pool, work, n) for n in ns]
        for future in futures:
            try:
                results.append(await future)
            except Exception as error:
                print(f"work failed: {error!r}")
    return results
