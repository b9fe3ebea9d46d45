# fails: returns_status_codes
"""Treats a 404 as an error instead of an answer."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        response.raise_for_status()
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, url) for url in urls))
