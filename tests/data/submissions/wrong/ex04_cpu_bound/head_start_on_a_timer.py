# fails: loop_stays_responsive
"""Waits for a future that loop.call_later sets half a second later, then blocks the loop on each result()."""

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
    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(work, n) for n in ns]
        later = loop.create_future()
        loop.call_later(0.5, later.set_result, None)
        await later
        return [future.result() for future in futures]
