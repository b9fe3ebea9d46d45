# fails: fetch_all_concurrent
"""fetch_all gathers every fetch at once, but fetch_status runs them in a thread pool of one worker, which sends one
request at a time: the pool, not fetch_all, makes them sequential."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


POOL = ThreadPoolExecutor(max_workers=1)


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(POOL, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
