# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Exercise 05: fetch_all hands asyncio.gather one map(...) of coroutines, the star that unpacks it forgotten."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(map(fetch_status, urls))
