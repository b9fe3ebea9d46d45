"""Exercise 05: get_event_loop() in the coroutine, functools.partial for the call, tasks created first and awaited in turn."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code
import functools


async def fetch_status(url: str) -> int:
    loop = asyncio.get_event_loop()
    call = functools.partial(get_status, url)
    status = await loop.run_in_executor(None, call)
    return status


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = []
    for url in urls:
        tasks.append(asyncio.create_task(fetch_status(url)))
    statuses = []
    for task in tasks:
        statuses.append(await task)
    return statuses
