# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Turns a connection error into a made-up status code."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    try:
        async with session.get(url) as response:
            return response.status
    except aiohttp.ClientError:
        return 0


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, url) for url in urls))
