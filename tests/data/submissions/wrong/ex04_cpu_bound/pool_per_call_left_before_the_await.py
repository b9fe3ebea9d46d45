# fails: runs_in_parallel, loop_stays_responsive
"""A pool per call whose `with` block ends before the result is awaited: leaving it waits, in the loop's thread,
for that call's work, so each call blocks the loop and the next starts only after it."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_one(n, work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        future = loop.run_in_executor(pool, work, n)
    return await future


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    return await asyncio.gather(*[run_one(n, work) for n in ns])
