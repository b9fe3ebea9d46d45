# fails: fetch_all_concurrent
"""Waits 0.2 s with time.sleep before each request, to be polite: the loop stands still, and while one fetch
sleeps the others cannot even start."""

import asyncio
import time

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    time.sleep(0.2)  # be polite to the server
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
