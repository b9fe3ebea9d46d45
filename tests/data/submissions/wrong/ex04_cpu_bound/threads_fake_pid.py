# fails: runs_in_worker_processes
"""Threads made to look like processes: os.getpid is patched to give worker threads a pid of their own."""

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

_real_getpid = os.getpid


def _getpid() -> int:
    pid = _real_getpid()
    return pid if threading.current_thread() is threading.main_thread() else pid + 100_000


os.getpid = _getpid


def cpu_bound_work(n: int) -> int:
    counter = 0
    for _ in range(n):
        counter += 1
    return counter


async def run_cpu_bound(ns: list[int], work=cpu_bound_work) -> list:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=4) as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in ns))
