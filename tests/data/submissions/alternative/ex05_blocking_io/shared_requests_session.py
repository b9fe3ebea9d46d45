"""Exercise 05: one requests.Session shared by the module, its get run in the executor with a lambda."""

import asyncio

import requests

_session = requests.Session()


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    response = await loop.run_in_executor(None, lambda: _session.get(url, timeout=10))
    return response.status_code


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*[fetch_status(url) for url in urls])
