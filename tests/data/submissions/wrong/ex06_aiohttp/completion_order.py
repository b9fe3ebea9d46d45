# fails: fetch_all_keeps_order
"""Collects the statuses as they complete, so they come back in completion order."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        pending = [fetch_status(session, url) for url in urls]
        return [await done for done in asyncio.as_completed(pending)]
