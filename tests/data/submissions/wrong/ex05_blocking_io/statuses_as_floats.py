# fails: fetch_all_keeps_order
"""fetch_all turns the statuses into floats: 200.0 compares equal to 200, but it is no int status code."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    results = await asyncio.gather(*(fetch_status(u) for u in urls))
    return [float(r) for r in results]
