# fails: fetch_all_propagates_errors, fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""The coroutines are made inside the `async with` block but awaited after it: the session is closed by then."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        pending = [fetch_status(session, url) for url in urls]
    return list(await asyncio.gather(*pending))
