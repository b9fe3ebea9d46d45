# fails: runs_in_worker_processes
"""A multiprocessing.Process per n, results through a Queue read with asyncio.to_thread: processes, but none of a
ProcessPoolExecutor, which the exercise asks for."""
import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    """Given: count from 0 to `n` in a Python loop, as the lesson's CPU-bound example does."""
    counter = 0
    for _ in range(n):
        counter += 1
    return counter
import multiprocessing


def _run(work, n, queue, i):
    try:
        queue.put((i, work(n), None))
    except Exception as e:
        queue.put((i, None, e))


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_run, args=(work, n, queue, i)) for i, n in enumerate(ns)]
    for p in procs:
        p.start()
    results = [None] * len(ns)
    errors = []
    for _ in ns:
        i, value, err = await asyncio.to_thread(queue.get)
        results[i] = value
        if err is not None:
            errors.append(err)
    for p in procs:
        await asyncio.to_thread(p.join)
    if errors:
        raise errors[0]
    return results
