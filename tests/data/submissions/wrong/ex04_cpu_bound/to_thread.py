# fails: runs_in_worker_processes
"""Runs work(n) with asyncio.to_thread: threads, which share one GIL, not processes."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    return list(await asyncio.gather(*(asyncio.to_thread(work, n) for n in ns)))
