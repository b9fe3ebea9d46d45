"""Exercise 05: gather(return_exceptions=True), then the first exception among the results raised by hand; fetch_status logs a connection error and re-raises it."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, get_status, url)
    except requests.ConnectionError:
        print(f"could not reach {url}")
        raise


async def fetch_all(urls: list[str]) -> list[int]:
    coros = [fetch_status(url) for url in urls]
    results = await asyncio.gather(*coros, return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            raise r
    return results
