# fails: runs_in_executor, fetch_all_concurrent
"""Calls the given blocking helper straight from the coroutine."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    status = get_status(url)
    return status


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
