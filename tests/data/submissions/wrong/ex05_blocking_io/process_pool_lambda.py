# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Hands a lambda to a process pool of its own: a real pool cannot pickle it to send it to a worker process, and
every fetch fails with "Can't pickle local object"."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(pool, lambda: get_status(url))


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(u) for u in urls)))
