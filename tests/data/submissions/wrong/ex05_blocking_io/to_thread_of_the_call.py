# fails: returns_status_codes, runs_in_executor, fetch_all_keeps_order, fetch_all_concurrent
"""asyncio.to_thread(get_status(url)): the request runs right there, in the loop, and to_thread is handed its result."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status(url))


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(u) for u in urls))
