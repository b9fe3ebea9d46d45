# fails: fetch_all_concurrent
"""fetch_all hands one thread a list comprehension of every request: the loop stays free, but the requests go one after the other."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.to_thread(lambda: [get_status(u) for u in urls])
