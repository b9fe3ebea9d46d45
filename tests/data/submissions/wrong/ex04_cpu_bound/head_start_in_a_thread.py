# fails: loop_stays_responsive
"""Waits half a second in a thread (asyncio.to_thread(time.sleep, 0.5)), then blocks the loop on each result()."""

import asyncio
import time
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
        await asyncio.to_thread(time.sleep, 0.5)
        return [future.result() for future in futures]
