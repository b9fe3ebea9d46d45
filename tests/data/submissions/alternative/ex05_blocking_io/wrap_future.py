"""Exercise 05, written another way: a module-level thread pool with submit and asyncio.wrap_future."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


POOL = ThreadPoolExecutor(max_workers=8)


async def fetch_status(url: str) -> int:
    return await asyncio.wrap_future(POOL.submit(get_status, url))


async def fetch_all(urls: list[str]) -> list[int]:
    results = await asyncio.gather(*map(fetch_status, urls))
    return list(results)
