"""Exercise 06, written another way: raise_for_status() and its ClientResponseError caught, its status returned."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url, headers={"Accept": "*/*"}) as response:
        try:
            response.raise_for_status()
        except aiohttp.ClientResponseError as error:
            return error.status
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, url) for url in urls))
