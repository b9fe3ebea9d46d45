# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""fetch_status hands a function defined inside it to the executor it is given: fine for the default one, but
fetch_all gives it a process pool, which cannot pickle a nested function to send it to a worker process."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str, pool=None) -> int:
    loop = asyncio.get_running_loop()

    def fetch():
        return requests.get(url, timeout=10).status_code

    return await loop.run_in_executor(pool, fetch)


async def fetch_all(urls: list[str]) -> list[int]:
    with ProcessPoolExecutor(max_workers=8) as pool:
        return list(await asyncio.gather(*(fetch_status(u, pool) for u in urls)))
