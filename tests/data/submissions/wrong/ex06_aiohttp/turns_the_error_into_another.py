# fails: fetch_all_propagates_errors
"""Exercise 06: fetch_all turns aiohttp's error into the built-in ConnectionError, its cause hidden with `from None`."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        try:
            return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
        except aiohttp.ClientError as error:
            raise ConnectionError(f"could not fetch every url: {error}") from None
