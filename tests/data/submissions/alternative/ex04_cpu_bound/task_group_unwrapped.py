# requires: python>=3.11
"""Exercise 04: a TaskGroup of coroutines that each await run_in_executor; the ExceptionGroup is unwrapped to work's own exception."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(_one(loop, pool, work, n)) for n in ns]
        except ExceptionGroup as group:
            raise group.exceptions[0] from None
    return [t.result() for t in tasks]


async def _one(loop, pool, work, n):
    return await loop.run_in_executor(pool, work, n)
