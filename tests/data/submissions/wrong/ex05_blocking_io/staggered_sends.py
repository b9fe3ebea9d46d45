# fails: fetch_all_concurrent
"""A 'polite' fetch_all: each request starts 0.2 s after the previous one (asyncio.sleep, which blocks nothing), so
five requests of 0.3 s take 0.3 + 4 * 0.2 = 1.1 s, not about 0.3 s. A server that holds the first ones until all
five have arrived sees them all in flight at once in the end."""

import asyncio

import requests


def get_status(url: str) -> int:
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    tasks = []
    for index, url in enumerate(urls):
        if index:
            await asyncio.sleep(0.2)
        tasks.append(asyncio.create_task(fetch_status(url)))
    return list(await asyncio.gather(*tasks))
