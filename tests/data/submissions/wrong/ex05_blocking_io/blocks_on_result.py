# fails: runs_in_executor, fetch_all_concurrent
"""Runs the request in a thread, then blocks the loop waiting for it with result()."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = ThreadPoolExecutor()


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return POOL.submit(get_status, url).result()


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
