"""Exercise 04: an asynccontextmanager owns the pool (shut down with to_thread); as_completed, results put back by index."""
import asyncio
import contextlib
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


@contextlib.asynccontextmanager
async def process_pool():
    pool = ProcessPoolExecutor()
    try:
        yield pool
    finally:
        await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)


async def _indexed(index, future):
    return index, await future


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    results = [None] * len(ns)
    async with process_pool() as pool:
        pending = [_indexed(i, loop.run_in_executor(pool, work, n)) for i, n in enumerate(ns)]
        for finished in asyncio.as_completed(pending):
            index, value = await finished
            results[index] = value
    return results
