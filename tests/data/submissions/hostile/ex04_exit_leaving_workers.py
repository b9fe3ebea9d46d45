"""Starts a process pool, then ends the grader's process with os._exit: the pool's workers, forked from it, are
left holding everything that process had open."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(2)
    await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
    os._exit(3)
