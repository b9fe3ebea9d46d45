# fails: loop_stays_responsive
"""pool.map run in a thread returns at once with a lazy iterator; list() reads it in the coroutine, whose result() calls block the loop."""

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
        return list(await loop.run_in_executor(None, pool.map, work, ns))
