# fails: runs_in_executor, fetch_all_concurrent
"""Gives the request a head start by waiting half a second for an event nobody sets (asyncio.wait_for), then blocks on result()."""

import asyncio
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
    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.5)
    except asyncio.TimeoutError:
        pass
    return future.result()
