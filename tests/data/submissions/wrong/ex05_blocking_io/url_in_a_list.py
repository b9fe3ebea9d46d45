# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Puts the URL in a list for run_in_executor, as if the arguments went in one list: get_status gets [url]."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, get_status, [url])


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*map(fetch_status, urls))
