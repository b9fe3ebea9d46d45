# fails: runs_in_parallel
"""Hands the calls over in batches of os.cpu_count() + 2 and awaits each batch before the next."""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    size = (os.cpu_count() or 1) + 2
    out = []
    with ProcessPoolExecutor() as pool:
        while ns:
            chunk, ns = ns[:size], ns[size:]
            out.extend(await asyncio.gather(*[loop.run_in_executor(pool, work, n) for n in chunk]))
    return out
