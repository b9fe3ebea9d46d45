# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Turns a connection error into a made-up status code."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    try:
        return await asyncio.get_running_loop().run_in_executor(None, get_status, url)
    except requests.RequestException:
        return -1


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
