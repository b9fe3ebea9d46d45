# fails: fetch_all_propagates_errors
"""Lets a ConnectionError through but turns any other failure (a read that timed out) into None in the list."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code



async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    results = await asyncio.gather(*(fetch_status(u) for u in urls), return_exceptions=True)
    for r in results:
        if isinstance(r, requests.ConnectionError):
            raise r  # a server that is down is an error the caller must see
    return [r if isinstance(r, int) else None for r in results]  # slow/odd answers: no status
