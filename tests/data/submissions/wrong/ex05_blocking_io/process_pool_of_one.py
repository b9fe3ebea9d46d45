# fails: fetch_all_concurrent
"""A process pool of one worker: the lesson's aside taken literally, and one request at a time."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

import requests

POOL = ProcessPoolExecutor(max_workers=1)


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(POOL, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
