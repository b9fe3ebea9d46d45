"""Exercise 04, solved a third way: asyncio.wait on the futures, a pool with an explicit spawn context."""

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    if not ns:
        return []
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [loop.run_in_executor(pool, work, n) for n in ns]
        done, _ = await asyncio.wait(futures, return_when=asyncio.FIRST_EXCEPTION)
        for future in done:
            if future.exception() is not None:
                raise future.exception()
        return [future.result() for future in futures]
