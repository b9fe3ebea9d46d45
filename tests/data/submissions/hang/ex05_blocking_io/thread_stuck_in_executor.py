# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent
"""Correct, except that fetch_all leaves a thread spinning forever in the loop's default executor.

The check itself can pass; closing the loop then waits forever for that thread (pytest-asyncio shuts the
default executor down), and a spinning thread cannot be interrupted from inside the process.
"""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


def spin_forever() -> None:
    while True:
        pass


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    asyncio.get_running_loop().run_in_executor(None, spin_forever)
    return await asyncio.gather(*(fetch_status(url) for url in urls))
