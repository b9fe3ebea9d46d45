"""Exercise 05: a module-level ThreadPoolExecutor of 20, and asyncio.wait(FIRST_EXCEPTION) with each task's index in a dict."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code
from concurrent.futures import ThreadPoolExecutor

_pool = ThreadPoolExecutor(max_workers=20)


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(_pool, get_status, url)
    result = await future
    return result


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    index = {asyncio.ensure_future(fetch_status(u)): i for i, u in enumerate(urls)}
    done, pending = await asyncio.wait(index, return_when=asyncio.FIRST_EXCEPTION)
    for task in pending:
        task.cancel()
    statuses = [0] * len(urls)
    for task in done:
        statuses[index[task]] = task.result()
    return statuses
