# fails: fetch_all_concurrent
"""Rate-limits itself with time.sleep(0.2) once each answer is in: the request ran in a thread, but the loop then
stands still, and five fetches take over a second."""

import asyncio
import time

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    status = await loop.run_in_executor(None, get_status, url)
    time.sleep(0.2)  # rate limit
    return status


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
