"""Exercise 06: a Semaphore of ten and TCPConnector(limit_per_host=10): room for the five at once."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    sem = asyncio.Semaphore(10)

    async def guarded(session, url):
        async with sem:
            return await fetch_status(session, url)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit_per_host=10)) as session:
        return await asyncio.gather(*[guarded(session, u) for u in urls])
