"""Exercise 04: work handed to a module-level helper in the pool, futures cancelled on error, and a demo under the main guard that imports util."""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter

import time

from exercises.util import delay


def _call(work, n):
    """Runs in a worker: call work(n) there."""
    return work(n)


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        futures = [loop.run_in_executor(pool, _call, work, n) for n in ns]
        try:
            return await asyncio.gather(*futures)
        except Exception:
            for future in futures:
                future.cancel()
            raise


async def main():
    start = time.perf_counter()
    results, _ = await asyncio.gather(run_cpu_bound([10_000_000, 10_000_000]), delay(1))
    print(results, f"{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
