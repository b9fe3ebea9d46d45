# fails: returns_status_codes
"""fetch_status ignores the session it is given and opens its own; fetch_all does its requests inline."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with aiohttp.ClientSession() as own, own.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:

        async def one(url: str) -> int:
            async with session.get(url) as response:
                return response.status

        return list(await asyncio.gather(*(one(url) for url in urls)))
