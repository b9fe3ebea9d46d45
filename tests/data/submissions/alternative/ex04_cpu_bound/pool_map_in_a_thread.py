"""Exercise 04: pool.map, with its results read, in a thread of the loop's default executor: the thread hands every n to the process pool at once and waits there, not the loop."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


def _map_all(pool, work, ns):
    """Runs in a thread: hand every n to the pool and wait for the results there."""
    return list(pool.map(work, ns))


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(None, _map_all, pool, work, ns)
