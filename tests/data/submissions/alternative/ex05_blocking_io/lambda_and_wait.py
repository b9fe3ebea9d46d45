"""Exercise 05, written another way: the loop from get_event_loop() inside the coroutine, a lambda for the executor,
and asyncio.wait for all the tasks before reading their results in order."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, lambda: get_status(url))


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    tasks = [asyncio.ensure_future(fetch_status(url)) for url in urls]
    await asyncio.wait(tasks)
    return [task.result() for task in tasks]
