"""Exercise 05, written another way: a thread pool of one worker per call, shut down by its `with` block once the
request has answered, and tasks awaited one by one after all of them were started."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return await loop.run_in_executor(pool, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = [asyncio.create_task(fetch_status(url)) for url in urls]
    return [await task for task in tasks]
