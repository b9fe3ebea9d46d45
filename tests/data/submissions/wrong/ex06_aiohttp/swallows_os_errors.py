# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Catches OSError around the request, which a refused connection is in aiohttp (ClientConnectorError), and returns
None: the error never reaches the caller."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    try:
        async with session.get(url) as response:
            return response.status
    except OSError:  # network trouble: no status to give
        return None


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
