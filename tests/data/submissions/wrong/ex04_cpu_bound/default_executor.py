# fails: runs_in_worker_processes
"""The loop's default executor: threads again, not processes."""

import asyncio


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(None, work, n) for n in ns))
