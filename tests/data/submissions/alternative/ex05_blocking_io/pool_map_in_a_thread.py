"""fetch_all hands one function to the default executor, which maps get_status over urls in a pool of its own."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code

from concurrent.futures import ThreadPoolExecutor


async def fetch_status(url: str) -> int:
    return await asyncio.to_thread(get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    def all_of_them() -> list[int]:
        with ThreadPoolExecutor(max_workers=max(len(urls), 1)) as pool:
            return list(pool.map(get_status, urls))

    return await asyncio.get_running_loop().run_in_executor(None, all_of_them)
