"""Hands run_in_executor a functools.partial of work and n, which pickles as well as the function does."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter

import functools


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        calls = [loop.run_in_executor(pool, functools.partial(work, n)) for n in ns]
        return list(await asyncio.gather(*calls))
