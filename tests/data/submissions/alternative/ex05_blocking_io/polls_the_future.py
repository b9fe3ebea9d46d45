"""Exercise 05: fetch_status submits to a module-level thread pool and polls the future with short asyncio sleeps,
never blocking; fetch_all waits with asyncio.wait(FIRST_EXCEPTION) and reads each task in the order of urls."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


POOL = ThreadPoolExecutor(max_workers=10)


async def fetch_status(url: str) -> int:
    future = POOL.submit(get_status, url)
    while not future.done():
        await asyncio.sleep(0.005)
    return future.result()


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    tasks = [asyncio.ensure_future(fetch_status(url)) for url in urls]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in tasks:
        if task.done() and task.exception() is not None:
            for other in tasks:
                other.cancel()
            raise task.exception()
    return [task.result() for task in tasks]
