"""Exercise 05, written another way: requests.get itself through functools.partial in the executor, and fetch_all
running get_status in a thread pool of its own, one worker per URL."""

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    response = await loop.run_in_executor(None, functools.partial(requests.get, url, timeout=10))
    return response.status_code


async def fetch_all(urls: list[str]) -> list[int]:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=max(1, len(urls))) as pool:
        futures = [loop.run_in_executor(pool, get_status, url) for url in urls]
        return list(await asyncio.gather(*futures))
