# requires: python>=3.11
"""Exercise 05, solved a third way: an explicit ThreadPoolExecutor, and a TaskGroup in fetch_all."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests

POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="fetch")


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(POOL, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_status(url)) for url in urls]
    return [task.result() for task in tasks]
