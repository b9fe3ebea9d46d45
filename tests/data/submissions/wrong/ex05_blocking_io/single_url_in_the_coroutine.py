# fails: fetch_all_concurrent
"""Calls get_status right in fetch_all when there is a single URL, "nothing to run concurrently": the loop is blocked."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    if len(urls) == 1:
        return [get_status(urls[0])]  # nothing to run concurrently
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
