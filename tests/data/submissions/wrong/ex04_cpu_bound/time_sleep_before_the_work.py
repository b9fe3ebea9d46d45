# fails: loop_stays_responsive
"""Sleeps half a second with time.sleep before handing the work over, to give the pool time to start: the work is
not running yet, but the event loop stands still all the same."""

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
        time.sleep(0.5)  # give the pool time to start its workers
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
