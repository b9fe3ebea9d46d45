# fails: fetch_all_concurrent
"""fetch_all gathers every fetch, but its session's connector allows one open connection: a real server gets the
requests one at a time."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
