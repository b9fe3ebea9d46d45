# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Exercise 05: fetch_status catches the requests exception and raises a RuntimeError of its own in its place."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, get_status, url)
    except requests.exceptions.RequestException as error:
        raise RuntimeError(f"could not fetch {url}") from error


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*map(fetch_status, urls))
