# fails: propagates_work_errors
"""Turns whatever work raised into a ValueError with the same message: the right type only when work raised ValueError."""

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
    with ProcessPoolExecutor() as pool:
        try:
            return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
        except Exception as error:
            raise ValueError(str(error)) from None
