"""Follows the lesson's aside literally: the blocking request goes to a process pool, as CPU work would."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

import requests

POOL = ProcessPoolExecutor()


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(POOL, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
