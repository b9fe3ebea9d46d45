"""Exercise 04: an explicit fork context; asyncio.as_completed over coroutines that carry their index."""

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def _numbered(i, future):
    return i, await future


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    results = [None] * len(ns)
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [_numbered(i, loop.run_in_executor(pool, work, n)) for i, n in enumerate(ns)]
        for next_done in asyncio.as_completed(futures):
            i, value = await next_done
            results[i] = value
    return results
