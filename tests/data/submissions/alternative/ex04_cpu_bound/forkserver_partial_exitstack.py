"""Exercise 04: an ExitStack holds a forkserver pool of max(2, len(ns)) workers; work bound with functools.partial."""

import asyncio
import contextlib
import functools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns, work=cpu_bound_work):
    loop = asyncio.get_running_loop()
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(
            ProcessPoolExecutor(max_workers=max(2, len(ns)), mp_context=multiprocessing.get_context("forkserver"))
        )
        calls = [loop.run_in_executor(pool, functools.partial(work, n)) for n in ns]
        return [*await asyncio.gather(*calls)]
