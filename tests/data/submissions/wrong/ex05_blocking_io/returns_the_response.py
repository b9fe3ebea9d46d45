# fails: returns_status_codes, runs_in_executor, fetch_all_keeps_order, fetch_all_concurrent
"""to_thread(requests.get, url): the response object comes back, not its status_code."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(requests.get, url, timeout=10)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(u) for u in urls))
