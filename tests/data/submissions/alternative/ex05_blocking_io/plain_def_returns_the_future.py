"""fetch_status is a plain def that returns the executor's future, which the caller awaits."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code



def fetch_status(url: str):
    loop = asyncio.get_event_loop()
    return loop.run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
