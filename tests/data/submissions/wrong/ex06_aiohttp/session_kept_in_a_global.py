# fails: fetch_all_keeps_order, fetch_all_concurrent, uses_one_session, closes_the_session
"""One session made on the first call and kept in a global for later calls, never closed: the next check's loop finds it closed."""

import asyncio

import aiohttp

_session = None


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    global _session
    if _session is None:
        _session = aiohttp.ClientSession()
    return await asyncio.gather(*(fetch_status(_session, u) for u in urls))
