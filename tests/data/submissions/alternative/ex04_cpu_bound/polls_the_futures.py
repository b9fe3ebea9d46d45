"""Submits every call with pool.submit, then polls the futures with short asyncio sleeps until all are done: the loop
runs between the polls, and result() is read only from futures that are done."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with ProcessPoolExecutor() as pool:
        futures = [pool.submit(work, n) for n in ns]
        while not all(future.done() for future in futures):
            await asyncio.sleep(0.01)
        return [future.result() for future in futures]
