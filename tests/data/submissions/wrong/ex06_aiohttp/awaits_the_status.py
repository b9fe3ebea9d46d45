# fails: returns_status_codes, fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""await response.status: the status is a plain int, nothing to await."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    response = await session.get(url)
    return await response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch_status(session, u) for u in urls))
