# fails: fetch_all_keeps_order, fetch_all_concurrent
"""Tasks created, then a sleep of 0.1 s instead of awaiting them: result() of a task not done yet raises InvalidStateError."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = [asyncio.create_task(fetch_status(u)) for u in urls]
    await asyncio.sleep(0.1)
    return [t.result() for t in tasks]
