# fails: propagates_work_errors
"""Turns each failed call into a RuntimeError of its own, which run_cpu_bound then catches and returns [] for: the
WorkError stops where it was converted, the line to fix, though the `except` that returned catches only the new one."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_one(pool: ProcessPoolExecutor, work, n: int):
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, work, n)
    except Exception as error:
        raise RuntimeError(f"work({n}) failed") from error


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with ProcessPoolExecutor() as pool:
        try:
            return await asyncio.gather(*(run_one(pool, work, n) for n in ns))
        except RuntimeError:
            return []
