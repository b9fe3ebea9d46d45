# fails: returns_status_codes, runs_in_executor, fetch_status_raises_connection_errors, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Hands requests.get and its timeout keyword to run_in_executor, which passes positional arguments only."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url):
    loop = asyncio.get_running_loop()
    response = await loop.run_in_executor(None, requests.get, url, timeout=10)
    return response.status_code


async def fetch_all(urls):
    return list(await asyncio.gather(*(fetch_status(url) for url in urls)))
