# requires: python>=3.11
"""Exercise 04: a spawn pool of 4 whose workers each run one task (max_tasks_per_child=1), futures awaited in order."""

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(max_workers=4, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1)
    with pool:
        tasks = [asyncio.ensure_future(loop.run_in_executor(pool, work, n)) for n in ns]
        out = []
        for task in tasks:
            out.append(await task)
        return out
