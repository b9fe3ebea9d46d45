"""Exercise 05: an asyncio.Queue of (index, url) drained by one worker task per URL (at most ten), each result stored at its index."""

import asyncio

import requests


def get_status(url: str) -> int:
    """Given: the status code of `url`, with a blocking `requests` call."""
    return requests.get(url, timeout=10).status_code


async def fetch_status(url: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, get_status, url)


async def fetch_all(urls: list[str]) -> list[int]:
    queue: asyncio.Queue = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)
    results = [0] * len(urls)

    async def worker():
        while not queue.empty():
            i, url = queue.get_nowait()
            results[i] = await fetch_status(url)

    workers = [asyncio.create_task(worker()) for _ in range(min(len(urls), 10))]
    try:
        await asyncio.gather(*workers)
    finally:
        for w in workers:
            w.cancel()
    return results
