# fails: fetch_all_keeps_order
"""Waits with asyncio.wait and reads the statuses from its done set, which has no order: not the order of urls."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    tasks = [asyncio.create_task(fetch_status(url)) for url in urls]
    done, _ = await asyncio.wait(tasks)
    return [task.result() for task in done]
