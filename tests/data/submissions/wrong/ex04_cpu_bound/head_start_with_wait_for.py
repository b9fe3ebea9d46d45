# fails: loop_stays_responsive
"""Gives the workers a head start with asyncio.wait_for(asyncio.sleep(5), 0.5), then blocks the loop on each result()."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(work, n) for n in ns]
        try:
            await asyncio.wait_for(asyncio.sleep(5), 0.5)
        except asyncio.TimeoutError:
            pass
        return [future.result() for future in futures]
