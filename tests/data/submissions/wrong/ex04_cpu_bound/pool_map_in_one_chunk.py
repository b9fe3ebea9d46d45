# fails: runs_in_parallel
"""pool.map with chunksize=len(ns), from an executor thread: every call in one chunk, which one worker runs call
after call."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(None, lambda: list(pool.map(work, ns, chunksize=len(ns))))
