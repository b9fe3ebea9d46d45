# fails: fetch_all_concurrent
"""fetch_all hands the requests to a thread pool of its own and awaits them after its `with` block, whose shutdown waits for the threads in the event loop's thread."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=10) as pool:
        futures = [loop.run_in_executor(pool, get_status, url) for url in urls]
    return list(await asyncio.gather(*futures))
