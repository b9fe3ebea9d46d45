# fails: fetch_all_concurrent
"""Starts a task per URL and sleeps 0.2 s after each with time.sleep, to spare the server: the loop stands still a
second before the first request is even sent."""

import asyncio
import time

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = []
    for url in urls:
        tasks.append(asyncio.create_task(fetch_status(url)))
        time.sleep(0.2)  # don't flood the server
    return list(await asyncio.gather(*tasks))
