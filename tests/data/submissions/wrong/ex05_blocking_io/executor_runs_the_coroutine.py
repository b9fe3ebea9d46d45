# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""fetch_all hands fetch_status itself to run_in_executor: the thread calls the async def function, which only makes a coroutine."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls):
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(None, fetch_status, url) for url in urls))
