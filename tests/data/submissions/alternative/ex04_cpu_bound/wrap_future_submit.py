"""Exercise 04: pool.submit wrapped with asyncio.wrap_future, gathered in a list()."""

import asyncio
import concurrent.futures


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with concurrent.futures.ProcessPoolExecutor() as pool:
        return list(await asyncio.gather(*[asyncio.wrap_future(pool.submit(work, n)) for n in ns]))
