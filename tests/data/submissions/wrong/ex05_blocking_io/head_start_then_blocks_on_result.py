# fails: runs_in_executor, fetch_all_concurrent
"""Gives the request a head start of half a second with asyncio.sleep, then blocks on result(): the loop is frozen whenever the server takes longer than the sleep."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = ThreadPoolExecutor(max_workers=10)


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    future = POOL.submit(get_status, url)
    await asyncio.sleep(0.5)  # "requests take well under half a second"
    return future.result()


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
