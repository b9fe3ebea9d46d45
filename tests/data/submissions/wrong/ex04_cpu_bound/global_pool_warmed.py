# fails: shuts_down_pool, shuts_down_pool_on_error
"""One pool for the whole module, warmed up at import and never shut down: its workers outlive every call."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


POOL = ProcessPoolExecutor(max_workers=2)
list(POOL.map(abs, range(8)))  # start the workers now, so the first call is fast


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(POOL, work, n) for n in ns))
