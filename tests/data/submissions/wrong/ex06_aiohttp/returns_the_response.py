# fails: returns_status_codes, fetch_all_keeps_order, fetch_all_concurrent
"""fetch_status returns the response object itself, not its status."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        responses = await asyncio.gather(*(fetch_status(session, u) for u in urls))
    return responses
