# fails: fetch_all_propagates_errors, fetch_all_keeps_order
"""Turns a failed fetch into status 503 unless every fetch failed, then raises the first error: with no URLs at all, all() of nothing is True and results[0] raises IndexError."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    results = await asyncio.gather(*(fetch_status(u) for u in urls), return_exceptions=True)
    if all(isinstance(r, Exception) for r in results):
        raise results[0]
    return [r if isinstance(r, int) else 503 for r in results]
