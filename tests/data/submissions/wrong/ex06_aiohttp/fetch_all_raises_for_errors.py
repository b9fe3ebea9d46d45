# fails: fetch_all_keeps_order
"""fetch_status is right, but fetch_all asks the session to raise for a 404 or a 500."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
