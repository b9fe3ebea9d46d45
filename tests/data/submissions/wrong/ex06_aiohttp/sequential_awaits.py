# fails: fetch_all_concurrent
"""Awaits one request after another: nothing overlaps."""

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return [await fetch_status(session, url) for url in urls]
