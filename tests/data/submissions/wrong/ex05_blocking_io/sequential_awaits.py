# fails: fetch_all_concurrent
"""Awaits one fetch after another: nothing overlaps."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    statuses = []
    for url in urls:
        statuses.append(await fetch_status(url))
    return statuses
