# fails: fetch_all_keeps_order
"""Collects {url: status} as the answers arrive, then returns the statuses sorted by URL ("a stable order"),
not in the order of urls; a URL given twice collapses into one entry."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    results: dict[str, int] = {}

    async def one(url: str) -> None:
        results[url] = await fetch_status(url)

    await asyncio.gather(*(one(u) for u in urls))
    return [results[u] for u in sorted(results)]
