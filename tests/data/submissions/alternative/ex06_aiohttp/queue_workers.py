"""Exercise 06: eight worker tasks drain an asyncio.Queue of (index, url) through one session."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    results: list[int] = [0] * len(urls)
    queue: asyncio.Queue = asyncio.Queue()
    for pair in enumerate(urls):
        queue.put_nowait(pair)

    async def worker(session):
        while True:
            try:
                i, url = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            results[i] = await fetch_status(session, url)

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(worker(session) for _ in range(8)))
    return results
