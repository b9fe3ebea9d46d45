# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""Hands run_in_executor the class ProcessPoolExecutor, not a pool made from it: the parentheses forgotten."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    futures = [loop.run_in_executor(ProcessPoolExecutor, work, n) for n in ns]
    return await asyncio.gather(*futures)
