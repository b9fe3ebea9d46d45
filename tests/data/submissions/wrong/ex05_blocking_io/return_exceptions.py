# fails: fetch_all_propagates_errors
"""gather(return_exceptions=True) hands the exception back as if it were a status."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls), return_exceptions=True)
