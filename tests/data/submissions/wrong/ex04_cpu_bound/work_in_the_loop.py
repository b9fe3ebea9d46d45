# fails: runs_in_worker_processes, loop_stays_responsive
"""The lesson's pitfall itself: the work runs right in the coroutine, on the event loop's thread."""


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    results = [work(n) for n in ns]
    return results
