# fails: fetch_all_concurrent
"""fetch_all lets only two fetches through a Semaphore at a time: two requests in flight, never five."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    sem = asyncio.Semaphore(2)
    async with aiohttp.ClientSession() as session:
        async def one(url):
            async with sem:
                return await fetch_status(session, url)
        return list(await asyncio.gather(*(one(url) for url in urls)))
