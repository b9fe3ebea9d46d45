# fails: runs_in_parallel, loop_stays_responsive
"""Submits to a process pool, then blocks the loop waiting on each future's result()."""

from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    with ProcessPoolExecutor() as pool:
        return [pool.submit(work, n).result() for n in ns]
