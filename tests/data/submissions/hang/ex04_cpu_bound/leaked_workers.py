# fails: shuts_down_pool, shuts_down_pool_on_error
"""Leaks workers that spin at 100% CPU forever: a pool never shut down, and a subprocess nobody waits for.

Each spinner appends its pid to the file named by $GRADER_HANG_PIDS_FILE, so the test can prove none outlives grading.
"""

import asyncio
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

LEAKED = []


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
    pids_file = os.environ.get("GRADER_HANG_PIDS_FILE", os.devnull)
    if not LEAKED:  # one stray process per grading process is enough to prove the point
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        note_pid(pids_file, spinner.pid)
        LEAKED.append(spinner)
    loop = asyncio.get_running_loop()
    pool = ProcessPoolExecutor(max_workers=3)
    LEAKED.append(pool)
    pool.submit(spin_forever, pids_file)
    return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
