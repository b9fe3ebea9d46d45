# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Hands run_in_executor the class ThreadPoolExecutor, not a pool made from it: the parentheses forgotten."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(ThreadPoolExecutor, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*[fetch_status(url) for url in urls])
