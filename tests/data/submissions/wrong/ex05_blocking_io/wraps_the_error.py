# fails: fetch_all_propagates_errors
"""Exercise 05: fetch_all wraps the ConnectionError in a RuntimeError of its own instead of letting it through."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    try:
        return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
    except Exception as error:
        raise RuntimeError(f"fetching failed: {error}") from error
