# fails: fetch_all_propagates_errors, fetch_all_keeps_order
"""Makes a lambda per URL in a list comprehension, then hands them to the executor: every lambda reads the last URL."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code



async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    loop = asyncio.get_running_loop()
    calls = [lambda: get_status(url) for url in urls]
    futures = [loop.run_in_executor(None, call) for call in calls]
    return list(await asyncio.gather(*futures))
