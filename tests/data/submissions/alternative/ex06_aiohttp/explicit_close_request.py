"""Exercise 06, written another way: session.request("GET", ...) with the status read after the response block,
and a session closed explicitly in a `finally`."""

import asyncio

import aiohttp


async def fetch_status(session: aiohttp.ClientSession, url: str) -> int:
    async with session.request("GET", url) as response:
        status = response.status
    return status


async def fetch_all(urls: list[str]) -> list[int]:
    session = aiohttp.ClientSession()
    try:
        results = await asyncio.gather(*[fetch_status(session, u) for u in urls])
    finally:
        await session.close()
    return list(results)
