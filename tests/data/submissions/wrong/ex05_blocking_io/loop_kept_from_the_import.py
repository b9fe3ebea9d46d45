# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""`loop = asyncio.get_event_loop()` at the top of the file, a loop of the import, used in every fetch_status."""
import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code

loop = asyncio.get_event_loop()


async def fetch_status(url: str) -> int:
    return await loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(u) for u in urls))
