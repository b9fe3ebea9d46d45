"""Exercise 05: an async generator yields each status in turn, collected with an async comprehension."""

import asyncio
from collections.abc import AsyncIterator

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def _statuses(urls: list[str]) -> AsyncIterator[int]:
    tasks = [asyncio.create_task(fetch_status(url)) for url in urls]
    for task in tasks:
        yield await task


async def fetch_all(urls: list[str]) -> list[int]:
    return [status async for status in _statuses(urls)]
