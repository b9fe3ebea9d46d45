# fails: shuts_down_pool, shuts_down_pool_on_error
"""A pool made once at import and reused by every call: its workers start at the first call and outlive it."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

POOL = ProcessPoolExecutor()


def cpu_bound_work(n: int) -> int:
    counter = 0
    while counter < n:
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    return list(await asyncio.gather(*[loop.run_in_executor(POOL, work, n) for n in ns]))
