# fails: returns_status_codes
"""Keeps each URL's status in a dict at module level "to save requests": a second call answers from it, without asking
the server again."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


_seen: dict[str, int] = {}


async def fetch_status(url: str) -> int:
    if url not in _seen:
        loop = asyncio.get_running_loop()
        _seen[url] = await loop.run_in_executor(None, get_status, url)
    return _seen[url]


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(u) for u in urls)))
