# fails: returns_results_in_order
"""One worker per n: ProcessPoolExecutor(max_workers=0) refuses an empty ns."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=len(ns)) as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
