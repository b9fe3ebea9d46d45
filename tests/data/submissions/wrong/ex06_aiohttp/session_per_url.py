# fails: uses_one_session
"""Opens (and closes) one ClientSession per URL: correct answers, wasted connection pools."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_one(url: str) -> int:
    async with aiohttp.ClientSession() as session:
        return await fetch_status(session, url)


async def fetch_all(urls: list[str]) -> list[int]:
    return await asyncio.gather(*(fetch_one(url) for url in urls))
