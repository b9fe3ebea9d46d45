"""Exercise 05: run_in_executor under asyncio.wait_for, and a Semaphore of ten around each fetch: room for the five at once."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await asyncio.wait_for(loop.run_in_executor(None, get_status, url), timeout=30)


async def fetch_all(urls: list[str]) -> list[int]:
    semaphore = asyncio.Semaphore(10)

    async def limited(url):
        async with semaphore:
            return await fetch_status(url)

    return await asyncio.gather(*map(limited, urls))
