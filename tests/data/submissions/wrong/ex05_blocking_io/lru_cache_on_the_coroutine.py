# fails: returns_status_codes, fetch_all_propagates_errors, fetch_all_keeps_order
"""@functools.lru_cache on the async def: the cache keeps the coroutine object, which a second await finds spent."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code
import functools


@functools.lru_cache(maxsize=None)
async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(u) for u in urls))
