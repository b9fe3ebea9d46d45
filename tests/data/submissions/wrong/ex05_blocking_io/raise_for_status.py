# fails: returns_status_codes
"""Treats a 404 as an error instead of an answer."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


def get_checked_status(url: str) -> int:
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_checked_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_status(url) for url in urls))
