# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Catches the connection error in a helper that it hands to the executor, and returns -1 for it."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


def safe_status(url: str) -> int:
    try:
        return get_status(url)
    except requests.exceptions.RequestException as error:
        print("request failed:", error)
        return -1


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, safe_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
