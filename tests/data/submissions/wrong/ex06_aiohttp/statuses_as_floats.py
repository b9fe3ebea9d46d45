# fails: fetch_all_keeps_order
"""fetch_all turns the statuses into floats: 200.0 compares equal to 200, but it is no int status code."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return [float(s) for s in await asyncio.gather(*(fetch_status(session, u) for u in urls))]
