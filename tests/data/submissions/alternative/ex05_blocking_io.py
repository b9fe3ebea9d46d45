"""Exercise 05, solved another way: asyncio.to_thread, and as_completed with the results put back in order."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    async def indexed(index: int, url: str) -> tuple[int, int]:
        return index, await fetch_status(url)

    statuses = [0] * len(urls)
    for finished in asyncio.as_completed([indexed(i, url) for i, url in enumerate(urls)]):
        index, status = await finished
        statuses[index] = status
    return statuses
