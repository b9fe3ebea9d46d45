# fails: fetch_all_concurrent
"""A connector with limit_per_host=1, "to be polite to the server": every URL is on one host, so the requests go
out one at a time."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    # be polite to the server: one connection per host
    connector = aiohttp.TCPConnector(limit_per_host=1)
    async with aiohttp.ClientSession(connector=connector) as session:
        return await asyncio.gather(*(fetch_status(session, url) for url in urls))
