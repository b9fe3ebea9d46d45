# fails: closes_the_session
"""Makes the session before the early return for an empty list, whose way out skips the `finally` that closes it."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    if not urls:
        return []
    try:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
    finally:
        await session.close()
