# fails: closes_the_session
"""Closes the session only after every fetch succeeded: a connection error skips the close and leaves it open."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    statuses = await asyncio.gather(*(fetch_status(session, url) for url in urls))
    await session.close()
    return list(statuses)
