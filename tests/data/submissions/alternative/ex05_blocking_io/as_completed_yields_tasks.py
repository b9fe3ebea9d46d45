# requires: python>=3.13
"""Exercise 05, written another way: asyncio.to_thread, and `async for` over as_completed (3.13), which yields the
tasks themselves, so each result goes back to its own index."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = {asyncio.create_task(fetch_status(url)): i for i, url in enumerate(urls)}
    out = [None] * len(urls)
    async for task in asyncio.as_completed(tasks):
        out[tasks[task]] = task.result()
    return out
