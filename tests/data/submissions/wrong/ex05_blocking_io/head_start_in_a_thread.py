# fails: runs_in_executor, fetch_all_concurrent
"""Gives the request a head start with asyncio.to_thread(time.sleep, 0.5), then blocks on result()."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = ThreadPoolExecutor(max_workers=10)


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_all(urls):
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))


async def fetch_status(url):
    future = POOL.submit(get_status, url)
    await asyncio.to_thread(time.sleep, 0.5)
    return future.result()
