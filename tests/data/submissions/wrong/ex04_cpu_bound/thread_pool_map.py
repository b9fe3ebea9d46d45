# fails: runs_in_worker_processes, loop_stays_responsive
"""Threads, and `pool.map` right in the coroutine: the event loop waits for every call to finish."""

import asyncio  # noqa: F401
from concurrent.futures import ThreadPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with ThreadPoolExecutor() as pool:
        return list(pool.map(work, ns))
