"""Exercise 04: a runner class, a pool with an initializer, map() over ns, shutdown() in finally."""

import asyncio
from concurrent import futures


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


def _quiet():
    pass


class _Runner:
    def __init__(self, work):
        self.work = work

    async def run(self, ns):
        loop = asyncio.get_running_loop()
        executor = futures.ProcessPoolExecutor(initializer=_quiet)
        try:
            pending = list(map(lambda n: loop.run_in_executor(executor, self.work, n), ns))
            return await asyncio.gather(*pending)
        finally:
            executor.shutdown()


async def run_cpu_bound(ns, work=cpu_bound_work):
    return await _Runner(work).run(ns)
