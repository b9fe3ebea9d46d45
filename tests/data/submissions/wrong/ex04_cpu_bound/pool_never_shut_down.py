# fails: shuts_down_pool, shuts_down_pool_on_error
"""A pool that is never shut down: its workers outlive the call."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor()
    return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
