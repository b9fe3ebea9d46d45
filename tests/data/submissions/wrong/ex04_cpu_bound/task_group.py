# fails: propagates_work_errors
# requires: python>=3.11
"""A TaskGroup around the calls (Python 3.11+): work's ValueError comes out wrapped in an ExceptionGroup."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def _one(loop, pool, work, n):
    return await loop.run_in_executor(pool, work, n)


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(_one(loop, pool, work, n)) for n in ns]
    return [t.result() for t in tasks]
