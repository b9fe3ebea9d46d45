# fails: fetch_all_keeps_order
"""Collects the statuses as they complete, so they come back in completion order."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return [await done for done in asyncio.as_completed([fetch_status(url) for url in urls])]
