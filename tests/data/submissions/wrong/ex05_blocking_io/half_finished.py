# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Starts a task per URL, then stops at a TODO: no return, so fetch_all returns None."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code



async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = [asyncio.create_task(fetch_status(url)) for url in urls]
    pass  # TODO gather
