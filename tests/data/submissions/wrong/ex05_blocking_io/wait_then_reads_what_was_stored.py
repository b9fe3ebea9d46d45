# fails: fetch_all_propagates_errors
"""fetch_all waits with asyncio.wait and reads the statuses its tasks stored: wait raises nothing, so the failed
fetch leaves a hole, and reading it raises KeyError, not the ConnectionError."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    statuses = {}

    async def fetch_one(index: int, url: str) -> None:
        statuses[index] = await fetch_status(url)

    if urls:
        await asyncio.wait([asyncio.create_task(fetch_one(i, url)) for i, url in enumerate(urls)])
    return [statuses[i] for i in range(len(urls))]
