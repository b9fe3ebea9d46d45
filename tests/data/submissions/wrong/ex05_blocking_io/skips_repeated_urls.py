# fails: fetch_all_keeps_order
"""Skips repeated URLs "to save requests", so fetch_all([a, a]) returns one status, not two."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    unique = list(dict.fromkeys(urls))
    return await asyncio.gather(*(fetch_status(u) for u in unique))
