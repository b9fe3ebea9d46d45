# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""The lesson's CPU-bound example is an `async def`, so the function handed to the pool is one too: in the worker
it only makes a coroutine, which cannot be pickled back."""
import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_work(work, n):
    return work(n)


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return list(await asyncio.gather(*(loop.run_in_executor(pool, run_work, work, n) for n in ns)))
