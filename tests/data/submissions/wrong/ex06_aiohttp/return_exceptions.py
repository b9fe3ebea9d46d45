# fails: fetch_all_propagates_errors
"""gather(return_exceptions=True) hands the exception back as if it were a status."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, url) for url in urls), return_exceptions=True)
