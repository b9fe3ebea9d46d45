"""Exercise 04: get_event_loop() in the coroutine, [] returned early, and a pool of min(len(ns), cpus) workers, at least two."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter

import os


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    if len(ns) == 0:
        return []
    loop = asyncio.get_event_loop()
    workers = min(len(ns), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=max(workers, 2)) as executor:
        calls = []
        for n in ns:
            calls.append(loop.run_in_executor(executor, work, n))
        done = await asyncio.gather(*calls)
    return [result for result in done]
