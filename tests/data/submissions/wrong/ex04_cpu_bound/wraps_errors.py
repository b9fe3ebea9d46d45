# fails: propagates_work_errors
"""Wraps work's exception in a RuntimeError of its own instead of letting it through."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        try:
            return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
        except Exception as error:
            raise RuntimeError(f"work failed: {error}") from error
