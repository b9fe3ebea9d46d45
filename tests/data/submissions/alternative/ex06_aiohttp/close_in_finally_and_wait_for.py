"""Exercise 06: ClientSession imported by name, closed in a finally, gather under asyncio.wait_for."""

import asyncio

import aiohttp
from aiohttp import ClientSession


async def fetch_status(session: ClientSession, url: str) -> int:
    async with session.get(url) as response:
        return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    session = ClientSession()
    try:
        return list(await asyncio.wait_for(asyncio.gather(*(fetch_status(session, u) for u in urls)), timeout=20))
    finally:
        await session.close()
