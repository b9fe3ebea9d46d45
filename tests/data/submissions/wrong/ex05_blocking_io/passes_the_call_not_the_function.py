# fails: returns_status_codes, runs_in_executor, fetch_all_keeps_order, fetch_all_concurrent
"""Hands run_in_executor the result of get_status(url) instead of the function: the request runs at once, in the
loop's thread, and the executor then fails to call an int."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status(url))


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
