# fails: fetch_status_raises_connection_errors
"""Retries a refused connection twice, backing off with time.sleep in the coroutine: the loop is frozen meanwhile."""

import asyncio
import time

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    for attempt in range(3):
        try:
            return await loop.run_in_executor(None, get_status, url)
        except requests.ConnectionError:
            if attempt == 2:
                raise
            time.sleep(0.2)  # back off before retrying


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
