"""Exercise 04: asyncio.wait(FIRST_COMPLETED) in a loop, results put back by index; shutdown(cancel_futures=True) in finally."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(max_workers=max(2, min(len(ns), os.cpu_count() or 2)))
    try:
        index = {loop.run_in_executor(pool, work, n): i for i, n in enumerate(ns)}
        results = [None] * len(ns)
        pending = set(index)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for future in done:
                results[index[future]] = future.result()
        return results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
