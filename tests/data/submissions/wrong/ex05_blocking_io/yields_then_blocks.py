# fails: runs_in_executor, fetch_all_concurrent
"""Starts the request in a thread and lets the loop run for a moment, then blocks it waiting with result()."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = ThreadPoolExecutor()


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    future = POOL.submit(get_status, url)
    await asyncio.sleep(0.05)  # "give it a head start"
    return future.result()


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
