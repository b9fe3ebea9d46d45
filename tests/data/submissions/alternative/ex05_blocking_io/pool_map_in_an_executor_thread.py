"""Exercise 05: fetch_all hands the whole batch to one executor thread that runs a ThreadPoolExecutor.map."""
import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


def _all_statuses(urls):
    with ThreadPoolExecutor(max_workers=max(1, len(urls))) as pool:
        return list(pool.map(get_status, urls))


async def fetch_all(urls: list[str]) -> list[int]:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, _all_statuses, urls)
