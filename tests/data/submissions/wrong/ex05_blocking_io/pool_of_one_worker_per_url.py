# fails: fetch_all_keeps_order
"""A thread pool of one worker per URL, max_workers=len(urls), with no early return: fetch_all([]) makes a pool of none."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls):
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(await asyncio.gather(*(loop.run_in_executor(pool, get_status, url) for url in urls)))
