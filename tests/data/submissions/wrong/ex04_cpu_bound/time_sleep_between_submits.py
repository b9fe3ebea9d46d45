# fails: loop_stays_responsive
"""Pauses with time.sleep after handing each call to the pool, to give a worker time to pick it up: the event loop
stands still while the work runs."""

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
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        futures = []
        for n in ns:
            futures.append(loop.run_in_executor(pool, work, n))
            time.sleep(0.2)  # give the worker a moment to pick the call up
        return await asyncio.gather(*futures)
