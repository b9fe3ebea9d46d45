# requires: python>=3.11
"""Exercise 05: to_thread in a TaskGroup; except* re-raises the first requests exception."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch_status(url)) for url in urls]
    except* requests.RequestException as errors:
        raise errors.exceptions[0]
    return [t.result() for t in tasks]
