# fails: fetch_all_concurrent
"""fetch_all lets only two fetches through a Semaphore at a time: two requests in flight, never five."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    sem = asyncio.Semaphore(2)

    async def one(url):
        async with sem:
            return await fetch_status(url)

    return list(await asyncio.gather(*(one(u) for u in urls)))
