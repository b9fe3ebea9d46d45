# fails: returns_status_codes, runs_in_executor, fetch_all_keeps_order, fetch_all_concurrent, fetch_all_propagates_errors
"""A HEAD request of its own in place of the given get_status: the checks answer GET only, and say so."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


def head_status(url: str) -> int:
    # only the status is needed: HEAD skips the body
    return requests.head(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, head_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(u) for u in urls))
