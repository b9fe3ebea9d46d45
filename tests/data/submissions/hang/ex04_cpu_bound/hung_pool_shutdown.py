# fails: returns_results_in_order, runs_in_worker_processes, loop_stays_responsive, propagates_work_errors
"""Shuts its pool down properly, but one of the pool's tasks never ends: the shutdown waits forever.

Each spinner appends its pid to the file named by $GRADER_HANG_PIDS_FILE, so the test can prove none outlives grading.
"""

import asyncio
import os
from concurrent.futures import ProcessPoolExecutor


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


def note_pid(pids_file: str, pid: int) -> None:
    try:
        with open(pids_file, "a") as pids:
            pids.write(f"{pid}\n")
    except OSError:  # a sandbox may forbid it; spinning matters more than telling
        pass


def spin_forever(pids_file: str) -> None:
    note_pid(pids_file, os.getpid())
    while True:
        pass


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=3) as pool:
        pool.submit(spin_forever, os.environ.get("GRADER_HANG_PIDS_FILE", os.devnull))
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
