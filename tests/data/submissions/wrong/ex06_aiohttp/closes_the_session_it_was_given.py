# fails: returns_status_codes, fetch_all_propagates_errors, fetch_all_keeps_order, closes_the_session
"""fetch_status enters the session it was given (`async with session:`), which closes it when the block ends, so every
request after the first finds it closed."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session:
        async with session.get(url) as response:
            return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    return await asyncio.gather(*(fetch_status(session, u) for u in urls))
