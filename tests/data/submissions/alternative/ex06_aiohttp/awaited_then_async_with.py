"""Exercise 06: the response awaited first, then released with its own async with; the session entered by name."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    response = await session.get(url)
    async with response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession(raise_for_status=False)
    async with session:
        tasks = [asyncio.ensure_future(fetch_status(session, u)) for u in urls]
        return [await t for t in tasks]
