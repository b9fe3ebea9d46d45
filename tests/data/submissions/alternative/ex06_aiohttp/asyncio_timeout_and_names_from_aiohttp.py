# requires: python>=3.11
"""Exercise 06: gather under an asyncio.timeout, names imported from aiohttp, status read via raise_for_status=False."""

import asyncio

from aiohttp import ClientSession, ClientTimeout


async def fetch_status(session: ClientSession, url: str) -> int:
    response = await session.get(url, raise_for_status=False)
    async with response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    async with ClientSession(timeout=ClientTimeout(total=60)) as session:
        async with asyncio.timeout(60):
            statuses = await asyncio.gather(*(fetch_status(session, url) for url in urls))
    return list(statuses)
