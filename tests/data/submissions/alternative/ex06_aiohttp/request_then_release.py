"""Exercise 06: session.request("GET", ...) awaited, status read, then release(); gather over map()."""
import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    response = await session.request("GET", url)
    try:
        return response.status
    finally:
        response.release()


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*map(lambda u: fetch_status(session, u), urls))
    return list(statuses)
