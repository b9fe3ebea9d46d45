"""Exercise 04, solved another way: an explicit pool shut down in `finally`, futures awaited one by one."""

import asyncio
import concurrent.futures


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    try:
        pending = [loop.run_in_executor(pool, work, n) for n in ns]
        results = []
        for future in pending:
            results.append(await future)
        return results
    finally:
        pool.shutdown(wait=True)
