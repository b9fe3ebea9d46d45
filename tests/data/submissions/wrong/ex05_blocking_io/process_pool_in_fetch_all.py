# fails: fetch_all_concurrent
"""fetch_status is right, but fetch_all hands the requests to a process pool of its own, and leaves the `with`
block (whose shutdown waits for the workers, blocking the loop) before awaiting them."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        pending = [loop.run_in_executor(pool, get_status, url) for url in urls]
    return list(await asyncio.gather(*pending))
