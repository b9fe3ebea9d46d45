# fails: closes_the_session
"""Never closes its session."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    return await asyncio.gather(*(fetch_status(session, url) for url in urls))
