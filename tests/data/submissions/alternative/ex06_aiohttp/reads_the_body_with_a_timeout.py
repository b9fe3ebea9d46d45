"""Exercise 06: a session with a ClientTimeout; fetch_status reads the body and returns the status after the block."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.get(url) as response:
        await response.text()
    return response.status


async def fetch_all(urls: list[str]) -> list[int]:
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        pending = [fetch_status(session, url) for url in urls]
        statuses = await asyncio.gather(*pending)
    return statuses
