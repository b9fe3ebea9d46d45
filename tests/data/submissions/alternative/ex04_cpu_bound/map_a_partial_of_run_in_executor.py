"""Exercise 04: gather over map() of a functools.partial of loop.run_in_executor; the pool imported as Pool."""

from asyncio import gather, get_running_loop
from concurrent.futures import ProcessPoolExecutor as Pool
from functools import partial


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    pool = Pool()
    try:
        submit = partial(get_running_loop().run_in_executor, pool, work)
        results = await gather(*map(submit, ns))
    finally:
        pool.shutdown()
    return list(results)
