# fails: runs_in_parallel
"""The pool's size worked out at import, os.cpu_count() - 1: many workers on a big laptop, one on two cores."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor

WORKERS = os.cpu_count() - 1


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
