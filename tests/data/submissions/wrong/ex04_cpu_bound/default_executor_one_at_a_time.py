# fails: runs_in_worker_processes
"""The loop's default executor (threads), and each call awaited before the next is handed over."""

import asyncio


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    results = []
    for n in ns:
        results.append(await loop.run_in_executor(None, work, n))
    return results
