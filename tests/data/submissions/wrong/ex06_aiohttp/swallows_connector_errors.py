# fails: fetch_status_raises_connection_errors, fetch_all_propagates_errors
"""Catches aiohttp.ClientConnectorError, the error of a refused connection, and reports 503 instead: the caller never
learns that the server could not be reached."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    try:
        async with session.get(url) as response:
            return response.status
    except aiohttp.ClientConnectorError:
        return 503  # the server is down: report it as unavailable


async def fetch_all(urls: list[str]) -> list[int]:
    async with aiohttp.ClientSession() as session:
        return list(await asyncio.gather(*(fetch_status(session, url) for url in urls)))
