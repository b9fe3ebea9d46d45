# fails: fetch_all_concurrent
"""Awaits the first request alone, "to warm up the connection", then gathers the other four: only four are ever in
flight together."""

import asyncio
import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    if not urls:
        return []
    async with aiohttp.ClientSession() as session:
        first = await fetch_status(session, urls[0])  # warm up the connection pool
        rest = await asyncio.gather(*(fetch_status(session, u) for u in urls[1:]))
        return [first, *rest]
